using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Lab;

public sealed class SimulatedLabFaultTests : IDisposable
{
    private static readonly SiteId Site = new("lab1");
    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), "sdl-sim-fault-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_logDirectory))
        {
            Directory.Delete(_logDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Lab_RejectFaultFromTheCampaignDefinition_RejectsOverTheBusAndMarksTheLog()
    {
        var bus = new InMemoryMessageBus();
        await using var lab = new SimulatedLab([Synthesis() with { Faults = new FaultDefinition(Reject: 1) }], bus, new TimerSignallingTimeProvider(Start), new SimulatedLabOptions(Site, 1, _logDirectory));
        await using var events = await MessageRecorder.StartAsync(bus, InstrumentTopics.AllEvents);
        await lab.StartAsync();
        await using var orchestrator = await bus.ConnectAsync(new MessageBusConnectionOptions("orchestrator"));

        await SendAsync(orchestrator, "c1");
        var rejected = await events.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected);

        Assert.Equal("simulated_rejection", rejected.Error);
        var record = Assert.Single(await Executions("synth1"));
        Assert.Equal(InjectedFault.Reject, record.Fault);
    }

    [Fact]
    public async Task Lab_DuplicateAndLateFaults_AreVisibleOnTheBusAndRunOnce()
    {
        var bus = new InMemoryMessageBus();
        var time = new TimerSignallingTimeProvider(Start);
        var late = new FaultDefinition(Late: 1, LateDelay: DurationDistribution.Fixed(TimeSpan.FromMinutes(30)));
        await using var lab = new SimulatedLab(
            [Synthesis() with { Faults = new FaultDefinition(Duplicate: 1) }, Synthesis("synth2") with { Faults = late }],
            bus,
            time,
            new SimulatedLabOptions(Site, 1, _logDirectory));
        await using var events = await MessageRecorder.StartAsync(bus, InstrumentTopics.AllEvents);
        await lab.StartAsync();
        await using var orchestrator = await bus.ConnectAsync(new MessageBusConnectionOptions("orchestrator"));

        await SendAsync(orchestrator, "c1", "synth1");
        await SendAsync(orchestrator, "c2", "synth2");
        await time.WaitForTimersAsync(4);
        time.Advance(TimeSpan.FromMinutes(10));
        await events.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed && e.CommandId.Value == "c1", count: 2);
        await time.WaitForTimersAsync(1);
        var lateBeforeDelay = events.Events.Count(e => e.CommandId.Value == "c2" && e.Kind == InstrumentEventKind.Completed);
        time.Advance(TimeSpan.FromMinutes(30));
        var lateCompleted = await events.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed && e.CommandId.Value == "c2");

        Assert.Equal(0, lateBeforeDelay);
        Assert.Equal(Start.AddMinutes(10), lateCompleted.At);
        Assert.Equal(InjectedFault.Duplicate, Assert.Single(await Executions("synth1")).Fault);
        Assert.Equal(InjectedFault.Late, Assert.Single(await Executions("synth2")).Fault);
    }

    [Fact]
    public async Task Lab_DisconnectFault_DropsThroughTheDropperAndStillCompletesOnce()
    {
        var bus = new InMemoryMessageBus();
        var time = new TimerSignallingTimeProvider(Start);
        await using var lab = new SimulatedLab(
            [Synthesis() with { Faults = new FaultDefinition(Disconnect: 1) }], bus, time, new SimulatedLabOptions(Site, 1, _logDirectory, ConnectionDropper: bus));
        await using var events = await MessageRecorder.StartAsync(bus, InstrumentTopics.AllEvents);
        await lab.StartAsync();
        await using var orchestrator = await bus.ConnectAsync(new MessageBusConnectionOptions("orchestrator"));

        await SendAsync(orchestrator, "c1");
        await time.WaitForTimersAsync(2);
        time.Advance(TimeSpan.FromMinutes(10));
        await events.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);

        Assert.Equal(1, bus.Reconnects);
        Assert.Equal(InjectedFault.Disconnect, Assert.Single(await Executions("synth1")).Fault);
    }

    [Fact]
    public void Lab_DisconnectFaultWithoutDropper_ThrowsNamingTheInstrument()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulatedLab(
            [Synthesis() with { Faults = new FaultDefinition(Disconnect: 0.1) }], new InMemoryMessageBus(), TimeProvider.System, new SimulatedLabOptions(Site)));

        Assert.Contains("'synth1'", error.Message, StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<ExecutionRecord>> Executions(string instrument) =>
        ExecutionLogFile.ReadAllAsync(Path.Combine(_logDirectory, $"{instrument}.executions.jsonl"));

    private static ValueTask SendAsync(IMessageBus bus, string commandId, string instrument = "synth1")
    {
        var command = new InstrumentCommand(CommandType.Execute, new CommandId(commandId), "synthesize", XY(1, 2), Start, Start.AddHours(1));
        return bus.PublishAsync(new OutboundMessage(new InstrumentTopics(Site, new(instrument)).Command, ProtocolJson.Serialize(command)));
    }
}
