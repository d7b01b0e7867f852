using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace SelfDrivingLab.Dashboard.Tests;

/// <summary>The server without a browser: health, the event stream on the fake clock, timelines, and refusals at start.</summary>
public sealed class DashboardServerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Events_LedgerChangesAfterAPoll_StreamSendsTheNewView()
    {
        await using var ledger = await TestLedger.CreateAsync();
        await ledger.AddCompletedAsync(1, 2.0);
        var time = new FakeTimeProvider(TestLedger.T0);
        await using var server = await DashboardServer.StartAsync(new() { LedgerPath = ledger.Path, Port = 0 }, time);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Bound };
        using var response = await http.GetAsync(new Uri("api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Bound);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await NextDataAsync(stream);
        var second = await ledger.AddRunningAsync(2);
        time.Advance(DashboardOptions.DefaultPollInterval);
        var next = await NextDataAsync(stream);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(second.Value, first, StringComparison.Ordinal);
        Assert.Contains(second.Value, next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoints_ReadableLedger_HealthViewAndTimelinesAnswer()
    {
        await using var ledger = await TestLedger.CreateAsync();
        var id = await ledger.AddCompletedAsync(1, 2.0);
        await using var server = await DashboardServer.StartAsync(new() { LedgerPath = ledger.Path, Port = 0 });
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Bound };

        using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        var timeline = await http.GetStringAsync(new Uri($"api/experiments/{id.Value}/timeline", UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri("api/experiments/nothing-e0009/timeline", UriKind.Relative));
        using var page = await http.GetAsync(server.Address);
        using var script = await http.GetAsync(new Uri("assets/plots.js", UriKind.Relative));
        using var elsewhere = await http.GetAsync(new Uri("assets/..%2Fsecret", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"kind\":\"command\"", timeline, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"event\"", timeline, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task StartAsync_PortInUse_RefusesInOneLine()
    {
        await using var ledger = await TestLedger.CreateAsync();
        await using var first = await DashboardServer.StartAsync(new() { LedgerPath = ledger.Path, Port = 0 });

        var refused = await Assert.ThrowsAsync<DashboardStartException>(() =>
            DashboardServer.StartAsync(new() { LedgerPath = ledger.Path, Port = first.Address.Port }));

        Assert.Equal($"cannot listen on 127.0.0.1:{first.Address.Port}: the port is in use (choose another with --port, or 0 for a free one)", refused.Message);
    }

    private static async Task<string> NextDataAsync(StreamReader stream)
    {
        while (await stream.ReadLineAsync().WaitAsync(Bound) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }
}
