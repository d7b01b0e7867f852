namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl run</c>'s options: combinations it refuses before anything starts.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_BrokerOnTheVirtualClock_ExitsWithCode2AndStartsNothing()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(
            ["run", RepositoryPaths.Workflow("quickstart.yaml"), "--ledger", _dir.File("ledger.db"), "--broker", "127.0.0.1:1883"],
            new StringWriter(),
            error).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: --broker needs --real-time", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("ledger.db")));
    }
}
