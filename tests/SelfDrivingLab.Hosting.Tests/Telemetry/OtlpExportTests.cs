using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SelfDrivingLab.Core.Diagnostics;
using SelfDrivingLab.Hosting.Telemetry;

namespace SelfDrivingLab.Hosting.Tests.Telemetry;

/// <summary>Issue 12 item 5: with <c>Telemetry:OtlpEndpoint</c> set, the SelfDrivingLab traces go to that collector.</summary>
public sealed class OtlpExportTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public void AddSdlTelemetry_NoEndpoint_RegistersNoExporter()
    {
        using var provider = new ServiceCollection().AddMetrics().AddSdlTelemetry(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Null(provider.GetService<TracerProvider>());
    }

    [Fact]
    public async Task AddSdlTelemetry_HttpEndpoint_PostsTheSdlTracesToItsTracesPath()
    {
        using var collector = new TcpListener(IPAddress.Loopback, 0);
        collector.Start();
        var port = ((IPEndPoint)collector.LocalEndpoint).Port;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}",
            ["Telemetry:OtlpProtocol"] = "http/protobuf",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddMetrics().AddSdlTelemetry(configuration).BuildServiceProvider();
        var tracing = provider.GetRequiredService<TracerProvider>();
        using (SdlTelemetry.Tracing.StartActivity("sdl.test"))
        {
        }

        var flushed = Task.Run(() => tracing.ForceFlush((int)Bound.TotalMilliseconds));
        using var client = await collector.AcceptTcpClientAsync().WaitAsync(Bound);
        var stream = client.GetStream();
        var requestLine = await new StreamReader(stream, Encoding.ASCII, leaveOpen: true).ReadLineAsync().WaitAsync(Bound);
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());

        Assert.Equal("POST /v1/traces HTTP/1.1", requestLine);
        Assert.True(await flushed.WaitAsync(Bound));
    }
}
