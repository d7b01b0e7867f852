namespace SelfDrivingLab.Cli.Tests;

/// <summary>The options that split a campaign over two processes: <c>sdl simulate</c> and <c>sdl run --external-instruments</c>.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Simulate_WithoutBroker_ExitsWithCode2NamingTheOption()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["simulate", RepositoryPaths.Workflow("quickstart.yaml")], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--broker", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_SiteNotOfTheFacility_ExitsWithCode2NamingItsSites()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["simulate", RepositoryPaths.Workflow("two-sites.yaml"), "--broker", "127.0.0.1:1883", "--site", "lab-c"], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("error: --site: 'lab-c' is not a site of 'two-sites' (its sites: lab-a, lab-b).", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task Simulate_MissingFile_ExitsWithCode2()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["simulate", _dir.File("nope.yaml"), "--broker", "127.0.0.1:1883"], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proc/sdl-journal")]
    [InlineData("{file}")]
    public async Task Simulate_JournalDirCannotBeWritten_ExitsWithCode2BeforeConnecting(string target)
    {
        await File.WriteAllTextAsync(_dir.File("a-file"), "not a directory");
        var path = target.Replace("{file}", _dir.File("a-file"), StringComparison.Ordinal);
        var error = new StringWriter();

        // Nothing listens on the port: reaching the broker would take the whole connect timeout.
        var exit = await SdlCommandLine.RunAsync(
            ["simulate", RepositoryPaths.Workflow("quickstart.yaml"), "--broker", $"127.0.0.1:{LoopbackPorts.Free()}", "--journal-dir", path],
            new StringWriter(),
            error).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: --journal-dir:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_UnreachableBroker_ExitsWithCode2NamingItAfterTheConnectTimeout()
    {
        var port = LoopbackPorts.Free();
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(
            ["simulate", RepositoryPaths.Workflow("quickstart.yaml"), "--broker", $"127.0.0.1:{port}", "--connect-timeout", "1s"],
            new StringWriter(),
            error).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"could not connect to the MQTT broker at 127.0.0.1:{port} within 1 s", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--real-time")]
    [InlineData("--broker", "127.0.0.1:1883")]
    public async Task Run_ExternalInstrumentsWithoutBrokerAndRealTime_ExitsWithCode2AndStartsNothing(params string[] only)
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(
            ["run", RepositoryPaths.Workflow("quickstart.yaml"), "--ledger", _dir.File("ledger.db"), "--external-instruments", .. only],
            new StringWriter(),
            error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--external-instruments needs --broker host:port and --real-time", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("ledger.db")));
    }
}
