using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SelfDrivingLab.Tests.Shared;

/// <summary>
/// A real Mosquitto broker (Debian package <c>mosquitto</c>) on a free loopback port, with
/// persistence in a temporary directory so sessions and queued QoS 1 messages survive a restart.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sdl-mosquitto-" + Guid.NewGuid().ToString("N"));
    private Process? _process;
    private string? _configFile;

    private MosquittoBroker(int port) => Port = port;

    public int Port { get; }

    /// <summary>Starts a broker; with <paramref name="allowAnonymous"/> false (and no password file) it refuses every client as not authorized.</summary>
    public static async Task<MosquittoBroker> StartAsync(bool allowAnonymous = true)
    {
        var broker = new MosquittoBroker(LoopbackPorts.Free());
        Directory.CreateDirectory(broker._directory);
        await File.WriteAllTextAsync(Path.Combine(broker._directory, "mosquitto.conf"), $"""
            listener {broker.Port} 127.0.0.1
            allow_anonymous {(allowAnonymous ? "true" : "false")}
            persistence true
            persistence_location {broker._directory}/
            autosave_interval 1
            max_queued_messages 10000
            """);
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>Starts a broker from a configuration file written elsewhere (e.g. by <c>sdl facility broker-config</c>) that listens on <paramref name="port"/>.</summary>
    public static async Task<MosquittoBroker> StartWithConfigAsync(string configFile, int port)
    {
        var broker = new MosquittoBroker(port) { _configFile = configFile };
        Directory.CreateDirectory(broker._directory);
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>Kills the broker (SIGKILL, like a crash); <see cref="StartAgainAsync"/> brings it back on the same port.</summary>
    public void Crash() => Kill();

    /// <summary>Starts the broker again after <see cref="Crash"/>, with the same configuration and port.</summary>
    public Task StartAgainAsync() => StartProcessAsync();

    /// <summary>Kills the broker (SIGKILL, like a crash) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await StartProcessAsync();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private async Task StartProcessAsync()
    {
        _process = Process.Start(new ProcessStartInfo("mosquitto", ["-c", _configFile ?? Path.Combine(_directory, "mosquitto.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;

        // Ready when it accepts TCP connections (bounded).
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port).WaitAsync(TimeSpan.FromSeconds(1));
                return;
            }
            catch (Exception ex) when (ex is SocketException or TimeoutException)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"mosquitto exited: {await _process.StandardError.ReadToEndAsync()}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            }
        }

        throw new TimeoutException($"mosquitto did not accept connections on port {Port}");
    }

    private void Kill()
    {
        if (_process is { } p)
        {
            try
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            p.Dispose();
            _process = null;
        }
    }
}
