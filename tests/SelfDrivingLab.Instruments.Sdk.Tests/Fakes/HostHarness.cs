using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

/// <summary>A started instrument host on an in-memory bus with a fake clock, an event recorder and an execution log file.</summary>
public sealed class HostHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory;
    private readonly ExecutionLogFile _log;
    private IMessageBusConnection? _orchestrator;

    private HostHarness(ScriptedDriver driver, IFaultInjector? faults, bool dropper, string? journalDirectory)
    {
        Driver = driver;
        _directory = Path.Combine(Path.GetTempPath(), "sdl-sdk-tests", Guid.NewGuid().ToString("N"));
        _log = new ExecutionLogFile(Path.Combine(_directory, "executions.jsonl"));
        Host = new InstrumentHost(
            new InstrumentHostOptions { Site = "lab1", Instrument = "furnace1", JournalDirectory = journalDirectory },
            driver,
            Bus,
            Time,
            Logs.For<InstrumentHost>(),
            executionLog: _log,
            meterFactory: Counters,
            faultInjector: faults,
            connectionDropper: dropper ? Bus : null);
    }

    public InMemoryMessageBus Bus { get; } = new();

    internal RecordingLogger Logs { get; } = new();

    public TimerSignallingTimeProvider Time { get; } = new(Start);

    public CounterRecorder Counters { get; } = new();

    public ScriptedDriver Driver { get; }

    public InstrumentHost Host { get; }

    public MessageRecorder Recorder { get; private set; } = null!;

    public InstrumentTopics Topics => Host.Topics;

    public string ExecutionLogPath => _log.Path;

    public static async Task<HostHarness> StartAsync(int channels = 1, IFaultInjector? faults = null, bool dropper = true, string? journalDirectory = null)
    {
        var harness = new HostHarness(new ScriptedDriver(channels), faults, dropper, journalDirectory);
        harness.Recorder = await MessageRecorder.StartAsync(harness.Bus, harness.Topics.Event);
        await harness.Host.StartAsync();
        harness._orchestrator = await harness.Bus.ConnectAsync(new MessageBusConnectionOptions("orchestrator"));
        return harness;
    }

    public static ParameterSet GoodParameters => new([new("temperature", 450.0), new("atmosphere", "argon")]);

    public InstrumentCommand Execute(string commandId, ParameterSet? parameters = null, string action = "anneal", DateTimeOffset? deadline = null) =>
        new(CommandType.Execute, new CommandId(commandId), action, parameters ?? GoodParameters, Time.GetUtcNow(), deadline ?? Time.GetUtcNow().AddHours(1), new ExperimentId("exp-1"));

    public InstrumentCommand Control(CommandType type, string commandId) =>
        new(type, new CommandId(commandId), null, null, Time.GetUtcNow(), null);

    public ValueTask SendAsync(InstrumentCommand command) =>
        _orchestrator!.PublishAsync(new OutboundMessage(Topics.Command, ProtocolJson.Serialize(command)));

    public ValueTask SendRawAsync(byte[] payload) =>
        _orchestrator!.PublishAsync(new OutboundMessage(Topics.Command, payload));

    public Task<IReadOnlyList<ExecutionRecord>> ExecutionsAsync() => ExecutionLogFile.ReadAllAsync(_log.Path);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Recorder.DisposeAsync();
        if (_orchestrator is not null)
        {
            await _orchestrator.DisposeAsync();
        }

        _log.Dispose();
        Counters.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
