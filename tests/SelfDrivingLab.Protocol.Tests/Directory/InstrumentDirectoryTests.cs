using System.Text;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Tests.Directory;

public sealed class InstrumentDirectoryTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly InstrumentTopics Furnace = new(new SiteId("lab-a"), new InstrumentId("furnace-1"));

    private static InstrumentCapabilities Capabilities(InstrumentId instrument, params string[] actions) =>
        new(instrument, "test furnace", [.. actions.Select(a => new CapabilityDescription(a, false, [new ParameterLimit("temperature_c", 20, 1200, Unit: "degC")], ["t"]))]);

    private static OutboundMessage Retained(string topic, object message) =>
        new(topic, message is byte[] raw ? raw : JsonBytes(message), Retain: true);

    private static byte[] JsonBytes(object message) => message switch
    {
        InstrumentAvailability a => ProtocolJson.Serialize(a),
        InstrumentCapabilities c => ProtocolJson.Serialize(c),
        _ => throw new ArgumentException("unsupported", nameof(message)),
    };

    private static OutboundMessage OfflineWill(InstrumentTopics topics) =>
        Retained(topics.Availability, new InstrumentAvailability(topics.Instrument, AvailabilityState.Offline, null));

    [Fact]
    public async Task WaitForCapabilityAsync_InstrumentComesOnlineLater_CompletesWithIt()
    {
        await using var live = await LiveBus.StartAsync();
        await using var directory = new InstrumentDirectory();
        await directory.StartAsync(await live.ConnectAsync("orchestrator"));

        var waiting = directory.WaitForCapabilityAsync("anneal");
        var instrument = await live.ConnectAsync("furnace", OfflineWill(Furnace));
        await instrument.PublishAsync(Retained(Furnace.Capabilities, Capabilities(Furnace.Instrument, "anneal")));
        Assert.False(waiting.IsCompleted); // capabilities alone are not enough: it must be online.
        await instrument.PublishAsync(Retained(Furnace.Availability, new InstrumentAvailability(Furnace.Instrument, AvailabilityState.Online, At)));
        var found = await waiting.WaitAsync(LiveBus.Bound);

        var info = Assert.Single(found);
        Assert.Equal((Furnace, AvailabilityState.Online), (info.Topics, info.State));
        Assert.Equal("anneal", info.Capabilities!.Capabilities[0].Name);
    }

    [Fact]
    public async Task Snapshot_InstrumentDropsWithoutDisconnecting_ShowsItOfflineViaLastWill()
    {
        await using var live = await LiveBus.StartAsync();
        var instrument = await live.ConnectAsync("furnace-will", OfflineWill(Furnace));
        await instrument.PublishAsync(Retained(Furnace.Availability, new InstrumentAvailability(Furnace.Instrument, AvailabilityState.Online, At)));
        await instrument.PublishAsync(Retained(Furnace.Capabilities, Capabilities(Furnace.Instrument, "anneal")));
        await using var directory = new InstrumentDirectory();
        await directory.StartAsync(await live.ConnectAsync("orchestrator"));
        await directory.WaitForCapabilityAsync("anneal").WaitAsync(LiveBus.Bound); // retained state reaches a late directory

        Assert.True(await live.Broker.DropClientAsync("furnace-will"));
        var offline = await directory.WaitForStateAsync(Furnace, AvailabilityState.Offline).WaitAsync(LiveBus.Bound);

        Assert.NotNull(offline.Capabilities);
        Assert.Equal([offline], directory.Snapshot());
        Assert.False(offline.Offers("anneal"));
    }

    [Fact]
    public async Task StartAsync_InvalidOrMismatchedPayloads_AreDroppedAndCounted()
    {
        await using var live = await LiveBus.StartAsync();
        var other = new InstrumentTopics(new SiteId("lab-a"), new InstrumentId("furnace-2"));
        var instrument = await live.ConnectAsync("publisher");
        await instrument.PublishAsync(Retained(other.Availability, Encoding.UTF8.GetBytes("{ not json")));
        await instrument.PublishAsync(Retained(other.Capabilities, Capabilities(Furnace.Instrument, "anneal")));
        await instrument.PublishAsync(Retained(Furnace.Capabilities, Encoding.UTF8.GetBytes("""{"instrument":"furnace-1","model":"m","capabilities":[],"channels":0,"protocol":"sdl/v1"}""")));
        await using var directory = new InstrumentDirectory();
        await directory.StartAsync(await live.ConnectAsync("orchestrator"));

        // Availability and capabilities are separate subscriptions, each handled in order: a valid
        // message on each, published last, proves the three before them were handled.
        await instrument.PublishAsync(Retained(Furnace.Capabilities, Capabilities(Furnace.Instrument, "anneal")));
        await instrument.PublishAsync(Retained(Furnace.Availability, new InstrumentAvailability(Furnace.Instrument, AvailabilityState.Online, At)));
        await directory.WaitForCapabilityAsync("anneal").WaitAsync(LiveBus.Bound);

        Assert.Equal(3, directory.RejectedMessageCount);
        Assert.Equal(
            new Dictionary<string, long> { [RejectReasons.MalformedJson] = 1, [RejectReasons.InstrumentMismatch] = 1, [RejectReasons.InvalidPayload] = 1 },
            directory.Rejections.Snapshot());
        var only = Assert.Single(directory.Snapshot());
        Assert.Equal(Furnace, only.Topics);
    }

    [Fact]
    public async Task WaitForCapabilityAsync_Cancelled_Throws()
    {
        await using var live = await LiveBus.StartAsync();
        await using var directory = new InstrumentDirectory();
        await directory.StartAsync(await live.ConnectAsync("orchestrator"));
        using var cts = new CancellationTokenSource();

        var waiting = directory.WaitForCapabilityAsync("fly");
        var cancelled = directory.WaitForCapabilityAsync("fly", cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(LiveBus.Bound));
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public async Task NextChange_ReadBeforeAnUpdate_CompletesOnTheUpdateOnly()
    {
        await using var live = await LiveBus.StartAsync();
        await using var directory = new InstrumentDirectory();
        await directory.StartAsync(await live.ConnectAsync("orchestrator"));
        var instrument = await live.ConnectAsync("publisher");
        var change = directory.NextChange;

        await instrument.PublishAsync(Retained(Furnace.Availability, Encoding.UTF8.GetBytes("garbage")));
        await instrument.PublishAsync(Retained(Furnace.Availability, new InstrumentAvailability(Furnace.Instrument, AvailabilityState.Online, At)));
        await change.WaitAsync(LiveBus.Bound);

        Assert.Equal(1, directory.Rejections[RejectReasons.MalformedJson]);
        Assert.False(directory.NextChange.IsCompleted);
    }
}
