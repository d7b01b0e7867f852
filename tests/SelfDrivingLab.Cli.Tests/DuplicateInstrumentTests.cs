using SelfDrivingLab.Cli.Tests.Crash;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;
using SelfDrivingLab.Transport.Mqtt;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>Issue 9 item 8: two processes announcing the same instrument id on one broker.</summary>
public sealed class DuplicateInstrumentTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("mosquitto")]
    public async Task Run_WithoutExternalInstrumentsWhileSdlSimulateRuns_ExitsWithCode2NamingThemAndLeavesSimulateAlone()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var address = $"127.0.0.1:{broker.Port}";
        var quickstart = RepositoryPaths.Workflow("quickstart.yaml");
        using var simulate = SdlProcess.Start("simulate", quickstart, "--broker", address);
        var factory = new MqttMessageBusFactory(new MqttOptions { Embedded = false, Host = "127.0.0.1", Port = broker.Port }, TimeProvider.System);
        await using var observer = await factory.ConnectAsync(new("duplicate-test-observer"));
        await using var directory = new InstrumentDirectory();
        await directory.StartAsync(observer);
        InstrumentTopics[] instruments = [Topics("printer-1"), Topics("tester-1")];
        foreach (var instrument in instruments)
        {
            await directory.WaitForStateAsync(instrument, AvailabilityState.Online).WaitAsync(Bound);
        }

        var error = new StringWriter();
        var exit = await SdlCommandLine.RunAsync(
            ["run", quickstart, "--broker", address, "--real-time", "--ledger", _dir.File("ledger.db")],
            new StringWriter(),
            error).WaitAsync(Bound);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("instrument 'printer-1', 'tester-1' of site 'lab' is already online", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--external-instruments", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("ledger.db")), "a refused start writes nothing");
        Assert.False(await simulate.WaitForExitAsync(TimeSpan.Zero), $"sdl simulate stopped:\n{simulate.Output}");
        Assert.All(instruments, i => Assert.Equal(AvailabilityState.Online, directory.Snapshot().Single(s => s.Topics == i).State));
    }

    private static InstrumentTopics Topics(string instrument) => new(new SiteId("lab"), new InstrumentId(instrument));
}
