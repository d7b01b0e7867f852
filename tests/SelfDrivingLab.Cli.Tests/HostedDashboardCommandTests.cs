using System.Net.Sockets;
using SelfDrivingLab.Cli.Commands;

namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl run</c> serves the dashboard of its ledger unless told not to; a port it cannot use is refused in one line.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class HostedDashboardCommandTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Quickstart => RepositoryPaths.Workflow("quickstart.yaml");

    [Fact]
    public async Task Run_Default_PrintsTheDashboardAddressOnce()
    {
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["run", Quickstart, "--ledger", _dir.File("ledger.db")], output, new StringWriter()).WaitAsync(Bound);

        Assert.Equal(ExitCodes.Ok, exit);
        var line = Assert.Single(output.ToString().Split('\n'), l => l.StartsWith("Dashboard at http://127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains($"sign in with their passwords from {_dir.File("ledger.db")}.dashboard.json", line, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("ledger.db") + ".dashboard.json"), "the password file outlived the run");
    }

    [Fact]
    public async Task Run_NoDashboard_ServesNone()
    {
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["run", Quickstart, "--ledger", _dir.File("ledger.db"), "--no-dashboard"], output, new StringWriter()).WaitAsync(Bound);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.DoesNotContain("Dashboard at", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DashboardPortInUse_ExitsWithCode2InOneLine()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(
            ["run", Quickstart, "--ledger", _dir.File("ledger.db"), "--dashboard-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new StringWriter(),
            error).WaitAsync(Bound);

        Assert.Equal(ExitCodes.BadInput, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: --dashboard-port: 127.0.0.1:{port} is in use (choose another, 0 for a free one, or --no-dashboard)", line);
        Assert.False(File.Exists(_dir.File("ledger.db")), "the campaign started");
    }
}
