using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Cli.Tests;

[Collection(VirtualClockCollection.Name)]
public sealed class ControlCommandTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Control_NoHostOnTheLedger_FailsNamingTheEndpointFile()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["control", "status", "--ledger", _dir.File("ledger.db")], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("ledger.db.control.json does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_PostgresLedger_LooksForTheEndpointFileUnderSdlAndSaysSo()
    {
        var error = new StringWriter();

        // Not a file path: the URI is accepted, and the host's endpoint file is looked for where a host on it writes it.
        var exit = await SdlCommandLine.RunAsync(["control", "status", "--ledger", "postgres://sdl@127.0.0.1:1/lab"], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Contains(Path.Combine(".sdl", "ledger.db.control.json"), error.ToString(), StringComparison.Ordinal);
        Assert.Contains("a host on a PostgreSQL ledger writes its endpoint file under .sdl/", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--broker", "nohost:notaport", "--broker")]
    [InlineData("--timeout", "soon", "--timeout")]
    [InlineData("--site", "a/b", "--site")]
    public async Task Control_BadOption_NamesIt(string option, string value, string expected)
    {
        var error = new StringWriter();
        string[] args = option == "--site"
            ? ["control", "pause", "c1", "--broker", "127.0.0.1:1", option, value]
            : ["control", "pause", "c1", option, value];

        var exit = await SdlCommandLine.RunAsync(args, new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    // The answers are under test, not their latency: a loaded machine may take longer than the default 10 s to connect and answer.
    private const string Patience = "60s";

    [Fact]
    public async Task Control_StatusAndPauseAgainstARunningHost_PrintTheAnswer()
    {
        var definition = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var ledgerPath = _dir.File("ledger.db");
        using var observer = new FirstResult();
        var run = CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = ledgerPath }, observer);
        await observer.Seen.WaitAsync(TimeSpan.FromSeconds(60));

        var output = new StringWriter();
        var errors = new StringWriter();
        var paused = await SdlCommandLine.RunAsync(["control", "pause", definition.Name, "--ledger", ledgerPath, "--operator", "alice", "--reason", "lunch", "--timeout", Patience], output, errors);
        observer.Release();
        var status = await SdlCommandLine.RunAsync(["control", "status", "--ledger", ledgerPath, "--timeout", Patience], output, errors);
        var abort = await SdlCommandLine.RunAsync(["control", "abort", definition.Name, "--ledger", ledgerPath, "--timeout", Patience], output, errors);
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True((paused, status, abort) == (0, 0, 0), $"exit codes {(paused, status, abort)}; stdout:\n{output}\nstderr:\n{errors}\ncampaign: {summary.Status}, {summary.Completed} completed");
        Assert.Contains("paused: in-flight steps finish", output.ToString(), StringComparison.Ordinal);
        // Recorded under the identity the broker authenticated (the local run's operator), not --operator alice.
        Assert.Contains("paused (by operator: lunch)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(Core.Ledger.CampaignStatus.Aborted, summary.Status);
    }

    /// <summary>
    /// Holds the campaign at its first result (the runner's clock cannot move while the callback runs) until the test
    /// has paused it: on the virtual clock the rest of the quickstart can otherwise finish before the abort arrives.
    /// </summary>
    private sealed class FirstResult : ICampaignObserver, IDisposable
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _released = new();

        public Task Seen => _seen.Task;

        public void Release() => _released.Set();

        public void OnExperimentFinished(CampaignProgress progress)
        {
            if (_seen.TrySetResult())
            {
                Assert.True(_released.Wait(Bound), "the test did not release the campaign");
            }
        }

        public void Dispose() => _released.Dispose();
    }
}
