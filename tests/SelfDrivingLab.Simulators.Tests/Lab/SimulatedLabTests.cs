using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Lab;

public sealed class SimulatedLabTests : IDisposable
{
    private static readonly SiteId Site = new("lab1");
    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), "sdl-sim-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Lab_SynthesisThenCharacterizationOverTheBus_CompletesOnTheFakeClockAndLogsEachExecution()
    {
        var bus = new InMemoryMessageBus();
        var time = new TimerSignallingTimeProvider(Start);
        var limits = new Dictionary<InstrumentId, IReadOnlyList<ParameterLimit>> { [new("synth1")] = [new("x", Min: -5, Max: 5)] };
        await using var lab = new SimulatedLab([Synthesis(), Characterization()], bus, time, new SimulatedLabOptions(Site, Seed: 1, _logDirectory, limits));
        await using var events = await MessageRecorder.StartAsync(bus, InstrumentTopics.AllEvents);
        await lab.StartAsync();
        var orchestrator = await bus.ConnectAsync(new MessageBusConnectionOptions("orchestrator"));

        await SendAsync(orchestrator, "synth1", "c1", "synthesize", XY(1, 2));
        await time.WaitForTimersAsync(2);
        time.Advance(TimeSpan.FromMinutes(10));
        var synthesized = await events.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed && e.CommandId.Value == "c1");
        var sampleId = synthesized.Results!["sample_id"].Text!;
        await SendAsync(orchestrator, "xrd1", "c2", "measure", XY(1, 2).With("sample_id", sampleId));
        await time.WaitForTimersAsync(2);
        time.Advance(TimeSpan.FromMinutes(2));
        var measured = await events.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed && e.CommandId.Value == "c2");

        Assert.Equal("synth1-0001", sampleId);
        Assert.Equal(5.0, measured.Results!.GetNumber("loss"), 12);
        Assert.Equal(Start.AddMinutes(12), measured.At);
        Assert.Single(await ExecutionLogFile.ReadAllAsync(Path.Combine(_logDirectory, "synth1.executions.jsonl")));
        Assert.Single(await ExecutionLogFile.ReadAllAsync(Path.Combine(_logDirectory, "xrd1.executions.jsonl")));
        await orchestrator.DisposeAsync();
    }

    [Fact]
    public async Task Lab_CommandOutsideSuppliedLimits_IsRejectedWithoutRunning()
    {
        var bus = new InMemoryMessageBus();
        var limits = new Dictionary<InstrumentId, IReadOnlyList<ParameterLimit>> { [new("synth1")] = [new("x", Min: -5, Max: 5)] };
        await using var lab = new SimulatedLab([Synthesis()], bus, new TimerSignallingTimeProvider(Start), new SimulatedLabOptions(Site, 1, _logDirectory, limits));
        await using var events = await MessageRecorder.StartAsync(bus, InstrumentTopics.AllEvents);
        await lab.StartAsync();
        var orchestrator = await bus.ConnectAsync(new MessageBusConnectionOptions("orchestrator"));

        await SendAsync(orchestrator, "synth1", "c1", "synthesize", XY(9, 2));
        var rejected = await events.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected);

        Assert.Equal("limit_violation", rejected.Error);
        Assert.Contains("'x' = 9", rejected.Message, StringComparison.Ordinal);
        Assert.Empty(await ExecutionLogFile.ReadAllAsync(Path.Combine(_logDirectory, "synth1.executions.jsonl")));
        await orchestrator.DisposeAsync();
    }

    [Fact]
    public async Task Lab_StartAndDispose_AnnouncesEachInstrumentOnlineThenOffline()
    {
        var bus = new InMemoryMessageBus();
        var lab = new SimulatedLab([Synthesis(), Characterization()], bus, new TimerSignallingTimeProvider(Start), new SimulatedLabOptions(Site));

        await lab.StartAsync();
        var online = States(bus);
        await lab.DisposeAsync();
        var offline = States(bus);

        Assert.Equal([AvailabilityState.Online, AvailabilityState.Online], online);
        Assert.Equal([AvailabilityState.Offline, AvailabilityState.Offline], offline);
        Assert.True(ProtocolReader.TryReadCapabilities(bus.Retained(new InstrumentTopics(Site, new("xrd1")).Capabilities)!.Value.Span, out var capabilities, out _));
        Assert.Equal("measure", Assert.Single(capabilities!.Capabilities).Name);
    }

    public void Dispose()
    {
        if (Directory.Exists(_logDirectory))
        {
            Directory.Delete(_logDirectory, recursive: true);
        }
    }

    private static List<AvailabilityState> States(InMemoryMessageBus bus) =>
        new[] { "synth1", "xrd1" }.Select(id =>
        {
            Assert.True(ProtocolReader.TryReadAvailability(bus.Retained(new InstrumentTopics(Site, new(id)).Availability)!.Value.Span, out var availability, out _));
            return availability!.State;
        }).ToList();

    private static ValueTask SendAsync(IMessageBus bus, string instrument, string commandId, string action, ParameterSet parameters)
    {
        var command = new InstrumentCommand(CommandType.Execute, new CommandId(commandId), action, parameters, Start, Start.AddHours(1));
        return bus.PublishAsync(new OutboundMessage(new InstrumentTopics(Site, new(instrument)).Command, ProtocolJson.Serialize(command)));
    }
}
