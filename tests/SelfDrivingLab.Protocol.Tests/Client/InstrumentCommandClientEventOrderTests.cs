using System.Text;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Tests.Client;

/// <summary>Late, duplicate, out-of-order and misdirected events: each is applied at most once or rejected with its reason.</summary>
public sealed class InstrumentCommandClientEventOrderTests
{
    [Fact]
    public async Task ExecuteAsync_FinalEventAfterTheDeadline_GoesToTheLateSinkVerbatimAndIsNotApplied()
    {
        var sink = new RecordingLateEventSink();
        await using var h = await CommandClientHarness.StartAsync(sink);
        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand(TimeSpan.FromSeconds(30)));
        var received = await h.Instrument.NextCommandAsync();
        h.Time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await execution.WaitAsync(LiveBus.Bound);
        var lateJson = $$"""{"kind":"completed","command_id":"{{received.CommandId}}","instrument":"furnace-1","at":"2025-03-01T12:01:00Z","results":{"x":1.5},"protocol":"sdl/v1"}""";

        await h.Instrument.SendRawAsync(h.Instrument.Topics.Event, lateJson);
        var late = await sink.Received.Reader.ReadAsync().AsTask().WaitAsync(LiveBus.Bound);

        Assert.Equal(CommandOutcomeKind.TimedOut, outcome.Kind);
        Assert.Equal((received.CommandId, InstrumentEventKind.Completed, h.Instrument.Topics), (late.Event.CommandId, late.Event.Kind, late.Target));
        Assert.Equal(lateJson, late.Payload);
        Assert.Equal(h.Time.GetUtcNow(), late.ReceivedAt);
        Assert.Equal(1, h.Client.LateEventCount);
        Assert.Equal(0, h.Client.RejectedMessageCount);
    }

    [Fact]
    public async Task ExecuteAsync_SecondLateFinalAndLateProgress_AreRejectedNotRecordedTwice()
    {
        var sink = new RecordingLateEventSink();
        await using var h = await CommandClientHarness.StartAsync(sink);
        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand(TimeSpan.FromSeconds(30)));
        var received = await h.Instrument.NextCommandAsync();
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await execution.WaitAsync(LiveBus.Bound);

        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Failed, received.CommandId, error: "jammed"));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Failed, received.CommandId, error: "jammed"));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Progress, received.CommandId, progress: 0.9));
        await CompleteAnotherCommandAsync(h);

        Assert.Equal(1, h.Client.LateEventCount);
        Assert.Equal(InstrumentEventKind.Failed, (await sink.Received.Reader.ReadAsync()).Event.Kind);
        Assert.False(sink.Received.Reader.TryRead(out _));
        Assert.Equal((1, 1, 2L), (Count(h, RejectReasons.DuplicateFinal), Count(h, RejectReasons.LateEvent), h.Client.RejectedMessageCount));
    }

    [Fact]
    public async Task ExecuteAsync_DuplicateAndOutOfOrderNonFinalEvents_AreAppliedOnceInOrder()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var seen = new List<string>();
        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand(), (e, _) =>
        {
            seen.Add($"{e.Kind}:{e.Progress}");
            return ValueTask.CompletedTask;
        });
        var id = (await h.Instrument.NextCommandAsync()).CommandId;

        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Accepted, id));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Accepted, id));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Progress, id, progress: 0.5));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Progress, id, progress: 0.5));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Progress, id, progress: 0.25));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Accepted, id));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, id, ParameterSet.Empty));
        await execution.WaitAsync(LiveBus.Bound);
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Progress, id, progress: 1.0));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, id, ParameterSet.Empty));
        await CompleteAnotherCommandAsync(h);

        Assert.Equal(["Accepted:", "Progress:0.5", "Completed:"], seen);
        // The third accepted is a repeat of a kind already applied; the 0.25 went backwards; the 1.0 came after the end.
        Assert.Equal(3, Count(h, RejectReasons.DuplicateEvent));
        Assert.Equal(2, Count(h, RejectReasons.OutOfOrder));
        Assert.Equal(1, Count(h, RejectReasons.DuplicateFinal));
        Assert.Equal(0, h.Client.LateEventCount);
    }

    [Fact]
    public async Task ExecuteAsync_MisdirectedStaleAndUnknownEvents_AreRejectedWithTheirReasons()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var other = new InstrumentTopics(new SiteId("lab-a"), new InstrumentId("furnace-2"));
        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var id = (await h.Instrument.NextCommandAsync()).CommandId;
        var forged = h.Instrument.Event(InstrumentEventKind.Completed, id, new ParameterSet([new("x", 99.0)]));

        // Topic of another instrument, payload consistent with it: not the commanded instrument.
        await h.Instrument.SendToTopicAsync(other, forged with { Instrument = other.Instrument });
        // Payload claims another instrument than its topic.
        await h.Instrument.SendAsync(forged with { Instrument = other.Instrument });
        await h.Instrument.SendAsync(forged with { CommandId = new CommandId("exp-404-s1") });
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, id, new ParameterSet([new("x", 1.0)])));
        var outcome = await execution.WaitAsync(LiveBus.Bound);

        Assert.Equal(1.0, outcome.Results!.GetNumber("x"));
        Assert.Equal(1, Count(h, RejectReasons.WrongInstrument));
        Assert.Equal(1, Count(h, RejectReasons.InstrumentMismatch));
        Assert.Equal(1, Count(h, RejectReasons.UnknownCommand));
        Assert.Equal(3, h.Client.RejectedMessageCount);
    }

    [Fact]
    public async Task StartAsync_RetainedEventOnTheEventTopic_IsRejectedAsStale()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var retainer = await h.Live.ConnectAsync("retainer");
        await retainer.PublishAsync(new(h.Instrument.Topics.Event, ProtocolJson.Serialize(h.Instrument.Event(InstrumentEventKind.Accepted, new CommandId("cmd-1"))), Retain: true));
        await CompleteAnotherCommandAsync(h);
        await using var restarted = new InstrumentCommandClient(h.Time);

        // Subscribing delivers the retained message first, so completing a command afterwards proves it was handled.
        await restarted.StartAsync(await h.Live.ConnectAsync("restarted-orchestrator"));
        var execution = restarted.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var next = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, next.CommandId, ParameterSet.Empty));
        await execution.WaitAsync(LiveBus.Bound);

        Assert.Equal(1, restarted.Rejections[RejectReasons.RetainedEvent]);
        Assert.Equal(1, restarted.RejectedMessageCount);
    }

    [Theory]
    [InlineData("", RejectReasons.EmptyPayload)]
    [InlineData("{\"kind\":\"accepted\",\"command_id\":", RejectReasons.MalformedJson)]
    [InlineData("{\"kind\":\"progress\",\"command_id\":\"cmd-1\",\"instrument\":\"furnace-1\",\"at\":\"2025-03-01T12:00:00Z\",\"progress\":1e999}", RejectReasons.NonFiniteNumber)]
    [InlineData("{\"kind\":\"completed\",\"command_id\":\"cmd-1\",\"instrument\":\"furnace-1\",\"at\":\"2025-03-01T12:00:00Z\",\"results\":{\"x\":\"-Infinity\"}}", RejectReasons.NonFiniteNumber)]
    [InlineData("{\"kind\":42,\"command_id\":\"cmd-1\",\"instrument\":\"furnace-1\",\"at\":\"2025-03-01T12:00:00Z\"}", RejectReasons.InvalidPayload)]
    public async Task ExecuteAsync_HostilePayload_IsRejectedWithItsReason(string payload, string reason)
    {
        await using var h = await CommandClientHarness.StartAsync();
        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var id = (await h.Instrument.NextCommandAsync()).CommandId;

        await h.Instrument.SendRawAsync(h.Instrument.Topics.Event, Encoding.UTF8.GetBytes(payload));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, id, ParameterSet.Empty));
        await execution.WaitAsync(LiveBus.Bound);

        Assert.Equal(1, Count(h, reason));
        Assert.Equal(1, h.Client.RejectedMessageCount);
    }

    private static long Count(CommandClientHarness h, string reason) => h.Client.Rejections[reason];

    // Events are handled in order, so a later command's completion proves everything sent before it was handled.
    private static async Task CompleteAnotherCommandAsync(CommandClientHarness h)
    {
        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var next = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, next.CommandId, ParameterSet.Empty));
        await execution.WaitAsync(LiveBus.Bound);
    }
}
