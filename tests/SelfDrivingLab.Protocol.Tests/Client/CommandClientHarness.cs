using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Tests.Client;

/// <summary>A live broker, a started command client on a fake clock and one fake instrument.</summary>
internal sealed class CommandClientHarness : IAsyncDisposable
{
    private int _nextCommand;

    private CommandClientHarness(LiveBus live, FakeTimeProvider time, InstrumentCommandClient client, FakeInstrument instrument)
    {
        Live = live;
        Time = time;
        Client = client;
        Instrument = instrument;
    }

    public LiveBus Live { get; }

    public FakeTimeProvider Time { get; }

    public InstrumentCommandClient Client { get; }

    public FakeInstrument Instrument { get; }

    public static async Task<CommandClientHarness> StartAsync(ILateEventSink? lateEvents = null, ILogger<InstrumentCommandClient>? logger = null)
    {
        var live = await LiveBus.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var client = new InstrumentCommandClient(time, logger, lateEvents);
        await client.StartAsync(await live.ConnectAsync("orchestrator"));
        var instrument = await FakeInstrument.StartAsync(live, "lab-a", "furnace-1", time);
        return new CommandClientHarness(live, time, client, instrument);
    }

    public InstrumentCommand NewCommand(TimeSpan? timeout = null) => new(
        CommandType.Execute,
        new CommandId($"cmd-{Interlocked.Increment(ref _nextCommand)}"),
        "anneal",
        new ParameterSet([new("temperature_c", 450.0), new("atmosphere", "argon")]),
        Time.GetUtcNow(),
        Time.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(30)));

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Live.DisposeAsync();
    }
}
