using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Lab;

/// <summary>A simulated lab given a journal directory survives its own restart without running a command twice.</summary>
public sealed class SimulatedLabJournalTests : IDisposable
{
    private static readonly SiteId Site = new("lab1");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Lab_RestartedWithJournalDirectory_AnswersAReSentCommandFromTheJournal()
    {
        var options = new SimulatedLabOptions(Site, Seed: 1, ExecutionLogDirectory: _dir.File("executions"), JournalDirectory: _dir.File("journal"));
        var parameters = new ParameterSet([new("x", 1.0), new("y", 2.0)]);
        InstrumentEvent first;
        {
            var bus = new InMemoryMessageBus();
            var time = new TimerSignallingTimeProvider(Start);
            await using var lab = new SimulatedLab([Synthesis()], bus, time, options);
            await using var events = await MessageRecorder.StartAsync(bus, InstrumentTopics.AllEvents);
            await lab.StartAsync();
            await SendAsync(bus, "c1", parameters);
            await time.WaitForTimersAsync(2);
            time.Advance(TimeSpan.FromMinutes(10));
            first = await events.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);
        }

        var restartedBus = new InMemoryMessageBus();
        await using var restarted = new SimulatedLab([Synthesis()], restartedBus, new TimerSignallingTimeProvider(Start), options);
        await using var again = await MessageRecorder.StartAsync(restartedBus, InstrumentTopics.AllEvents);
        await restarted.StartAsync();
        await SendAsync(restartedBus, "c1", parameters);
        var repeat = await again.WaitForEventAsync(e => e.CommandId.Value == "c1");

        Assert.Equal(first, repeat);
        Assert.True(File.Exists(InstrumentHost.JournalFile(_dir.File("journal"), Site, new InstrumentId("synth1"))));
        var execution = Assert.Single(await ExecutionLogFile.ReadAllAsync(_dir.File(Path.Combine("executions", "synth1.executions.jsonl"))));
        Assert.Equal(first.Results, execution.Results);
    }

    private static async ValueTask SendAsync(InMemoryMessageBus bus, string commandId, ParameterSet parameters)
    {
        await using var orchestrator = await bus.ConnectAsync(new MessageBusConnectionOptions("orchestrator"));
        var command = new InstrumentCommand(CommandType.Execute, new CommandId(commandId), "synthesize", parameters, Start, Start.AddHours(1));
        await orchestrator.PublishAsync(new OutboundMessage(new InstrumentTopics(Site, new("synth1")).Command, ProtocolJson.Serialize(command)));
    }
}
