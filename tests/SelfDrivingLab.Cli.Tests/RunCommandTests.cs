using System.Globalization;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Cli.Tests.Crash;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl run</c>: combinations and inputs it refuses, before anything starts, with exit code 2 and no stack trace.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Quickstart => RepositoryPaths.Workflow("quickstart.yaml");

    [Fact]
    public async Task Run_BrokerOnTheVirtualClock_ExitsWithCode2AndStartsNothing()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(
            ["run", Quickstart, "--ledger", _dir.File("ledger.db"), "--broker", "127.0.0.1:1883"],
            new StringWriter(),
            error).WaitAsync(Bound);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: --broker needs --real-time", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("ledger.db")));
    }

    [Fact]
    public async Task Run_StandbyWithALedgerFile_ExitsWithCode2AndStartsNothing()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["run", Quickstart, "--ledger", _dir.File("ledger.db"), "--standby"], new StringWriter(), error).WaitAsync(Bound);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("error: --standby needs a PostgreSQL ledger (--ledger postgres://…): a ledger file has one host at a time and nothing to take over.", error.ToString().TrimEnd());
        Assert.False(File.Exists(_dir.File("ledger.db")));
    }

    [Fact]
    public async Task Run_UnreachableBroker_ExitsWithCode2NamingItAfterTheConnectTimeout()
    {
        var port = LoopbackPorts.Free();
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(
            ["run", Quickstart, "--ledger", _dir.File("ledger.db"), "--broker", $"127.0.0.1:{port}", "--real-time", "--connect-timeout", "2s"],
            new StringWriter(),
            error).WaitAsync(Bound);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"could not connect to the MQTT broker at 127.0.0.1:{port} within 2 s", error.ToString(), StringComparison.Ordinal);
    }

    [RequiresCommandsFact("mosquitto")]
    public async Task Run_BrokerRefusesTheClient_ExitsWithCode2AtOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync(allowAnonymous: false);
        var error = new StringWriter();

        // The default connect timeout is 30 s; refusing must not wait for it.
        var exit = await SdlCommandLine.RunAsync(
            ["run", Quickstart, "--ledger", _dir.File("ledger.db"), "--broker", $"127.0.0.1:{broker.Port}", "--real-time"],
            new StringWriter(),
            error).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("NotAuthorized (check the credentials", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0s")]
    public async Task Run_ConnectTimeoutNotAPositiveDuration_ExitsWithCode2NamingTheOption(string value)
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["run", Quickstart, "--ledger", _dir.File("ledger.db"), "--connect-timeout", value], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: --connect-timeout: '{value}' is not a positive duration", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("ledger.db")));
    }

    [Theory]
    [InlineData("/proc/sdl-summary.json")]
    [InlineData("{dir}")]
    public async Task Run_SummaryJsonCannotBeWritten_ExitsWithCode2BeforeStarting(string target)
    {
        var path = target.Replace("{dir}", _dir.Path, StringComparison.Ordinal);
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["run", Quickstart, "--ledger", _dir.File("ledger.db"), "--summary-json", path], new StringWriter(), error).WaitAsync(Bound);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: --summary-json:", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("ledger.db")), "the campaign must not have started");
    }

    [Fact]
    public async Task Run_DamagedLedger_ExitsWithCode2WithoutAStackTraceAndLeavesItUnchanged()
    {
        var ledger = _dir.File("ledger.db");
        await CampaignHost.RunAsync(new CampaignHostSettings(CampaignLoader.LoadFile(Quickstart) with { Budget = 4 }) { LedgerPath = ledger }).WaitAsync(Bound);
        FileDamage.Overwrite8KbInside(ledger);
        var before = FileDamage.Sha256(ledger);

        using var sdl = SdlProcess.Start("run", Quickstart, "--ledger", ledger, "--quiet");

        Assert.True(await sdl.WaitForExitAsync(Bound), sdl.Output);
        Assert.Equal(ExitCodes.BadInput, sdl.ExitCode);
        Assert.Contains($"The ledger '{ledger}' is damaged", sdl.Output, StringComparison.Ordinal);
        Assert.False(StackTraces.In(sdl.Output), sdl.Output);
        Assert.Equal(before, FileDamage.Sha256(ledger));
    }

    [SmallFileSystemFact]
    public async Task Run_DiskFull_FailsWithoutAStackTraceAndLeavesAResumableCampaign()
    {
        using var disk = SmallFileSystem.Mount(_dir.File("small"), kilobytes: 200);
        var ledger = disk.File("ledger.db");

        using var sdl = SdlProcess.Start("run", Quickstart, "--ledger", ledger, "--quiet");

        Assert.True(await sdl.WaitForExitAsync(Bound), sdl.Output);
        Assert.Equal(ExitCodes.CampaignFailed, sdl.ExitCode);
        Assert.Contains("the disk is full", sdl.Output, StringComparison.Ordinal);
        Assert.False(StackTraces.In(sdl.Output), sdl.Output);
        await using var stored = await SqliteLedger.OpenReadOnlyAsync(ledger);
        var campaign = Assert.Single(await stored.ListCampaignsAsync());
        Assert.Equal(CampaignStatus.Running, campaign.Status);
        Assert.True((await stored.GetExperimentsAsync(campaign.Id)).Count > 0, string.Create(CultureInfo.InvariantCulture, $"the disk filled before any experiment: {sdl.Output}"));
    }
}
