using System.Text;
using System.Threading.Channels;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Tests.Client;

public sealed class InstrumentCommandClientTests
{
    [Fact]
    public async Task ExecuteAsync_InstrumentCompletes_ReturnsResultsAfterPassingEveryEvent()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var command = h.NewCommand();
        var seen = new List<InstrumentEventKind>();

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, command, (e, _) =>
        {
            seen.Add(e.Kind);
            return ValueTask.CompletedTask;
        });
        var received = await h.Instrument.NextCommandAsync();
        var results = new ParameterSet([new("conductivity_s_per_m", 1234.5)]);
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Accepted, received.CommandId));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Progress, received.CommandId, progress: 0.5));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, received.CommandId, results));
        var outcome = await execution.WaitAsync(LiveBus.Bound);

        Assert.Equal(command, received);
        Assert.Equal(CommandOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(results, outcome.Results);
        Assert.Equal(InstrumentEventKind.Completed, outcome.FinalEvent?.Kind);
        Assert.Equal([InstrumentEventKind.Accepted, InstrumentEventKind.Progress, InstrumentEventKind.Completed], seen);
        Assert.Equal(0, h.Client.RejectedMessageCount);
    }

    [Theory]
    [InlineData(InstrumentEventKind.Failed, CommandOutcomeKind.Failed, "furnace_overheat")]
    [InlineData(InstrumentEventKind.Rejected, CommandOutcomeKind.Rejected, "limit_violation")]
    [InlineData(InstrumentEventKind.Aborted, CommandOutcomeKind.Aborted, null)]
    public async Task ExecuteAsync_InstrumentEndsWithoutResults_ReturnsMatchingKindAndError(InstrumentEventKind finalKind, CommandOutcomeKind expected, string? error)
    {
        await using var h = await CommandClientHarness.StartAsync();

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var received = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(finalKind, received.CommandId, error: error));
        var outcome = await execution.WaitAsync(LiveBus.Bound);

        Assert.Equal((expected, error, (ParameterSet?)null), (outcome.Kind, outcome.Error, outcome.Results));
    }

    [Fact]
    public async Task ExecuteAsync_NoFinalEventBeforeDeadline_TimesOutWhenTheFakeClockPassesIt()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var accepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand(TimeSpan.FromSeconds(30)), (e, _) =>
        {
            accepted.TrySetResult();
            return ValueTask.CompletedTask;
        });
        var received = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Accepted, received.CommandId));
        await accepted.Task.WaitAsync(LiveBus.Bound);
        Assert.False(execution.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await execution.WaitAsync(LiveBus.Bound);

        Assert.Equal((CommandOutcomeKind.TimedOut, CommandOutcome.TimeoutError), (outcome.Kind, outcome.Error));
        Assert.Null(outcome.FinalEvent);
    }

    [Fact]
    public async Task ExecuteAsync_DeadlineAlreadyPassed_TimesOutWithoutWaiting()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var command = h.NewCommand(TimeSpan.FromSeconds(5));
        h.Time.Advance(TimeSpan.FromSeconds(6));

        var outcome = await h.Client.ExecuteAsync(h.Instrument.Topics, command).WaitAsync(LiveBus.Bound);

        Assert.Equal(CommandOutcomeKind.TimedOut, outcome.Kind);
    }

    [Fact]
    public async Task ExecuteAsync_EventsFromAnotherInstrument_AreIgnoredAndCounted()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var other = new InstrumentTopics(new SiteId("lab-a"), new InstrumentId("furnace-2"));

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var received = await h.Instrument.NextCommandAsync();
        var impostor = h.Instrument.Event(InstrumentEventKind.Completed, received.CommandId, ParameterSet.Empty) with { Instrument = other.Instrument };
        await h.Instrument.SendToTopicAsync(other, impostor);
        await h.Instrument.SendAsync(impostor);
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Failed, received.CommandId, error: "real_failure"));
        var outcome = await execution.WaitAsync(LiveBus.Bound);

        // The impostor came first on both topics, yet the outcome is the real instrument's.
        Assert.Equal((CommandOutcomeKind.Failed, "real_failure"), (outcome.Kind, outcome.Error));
        Assert.Equal(2, h.Client.RejectedMessageCount);
    }

    public static TheoryData<string> BadPayloads() => new()
    {
        "{ this is not json",
        """{"kind":"progress","command_id":"cmd-1","instrument":"furnace-1","at":"2025-03-01T12:00:00Z","progress":"NaN","protocol":"sdl/v1"}""",
        """{"kind":"completed","command_id":"cmd-1","instrument":"furnace-1","at":"2025-03-01T12:00:00Z","protocol":"sdl/v1"}""",
        """{"kind":"exploded","command_id":"cmd-1","instrument":"furnace-1","at":"2025-03-01T12:00:00Z","protocol":"sdl/v1"}""",
        """{"kind":"accepted","command_id":"cmd-1","instrument":"furnace-1","at":"2025-03-01T12:00:00Z","protocol":"sdl/v9"}""",
        "OVERSIZED",
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public async Task ExecuteAsync_InvalidEventPayload_IsDroppedAndCounted(string payload)
    {
        await using var h = await CommandClientHarness.StartAsync();

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var received = await h.Instrument.NextCommandAsync();
        var bytes = payload == "OVERSIZED"
            ? Encoding.UTF8.GetBytes($$"""{"kind":"accepted","command_id":"cmd-1","instrument":"furnace-1","at":"2025-03-01T12:00:00Z","message":"{{new string('x', ProtocolJson.MaxPayloadBytes)}}"}""")
            : Encoding.UTF8.GetBytes(payload);
        await h.Instrument.SendRawAsync(h.Instrument.Topics.Event, bytes);
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, received.CommandId, ParameterSet.Empty));
        var outcome = await execution.WaitAsync(LiveBus.Bound);

        Assert.Equal(CommandOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(1, h.Client.RejectedMessageCount);
    }

    [Fact]
    public async Task ExecuteAsync_DuplicateFinalEvent_IsIgnoredAndCounted()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var finals = 0;

        var first = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand(), (e, _) =>
        {
            finals += e.IsFinal ? 1 : 0;
            return ValueTask.CompletedTask;
        });
        var received = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, received.CommandId, ParameterSet.Empty));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Failed, received.CommandId, error: "too_late"));
        var outcome = await first.WaitAsync(LiveBus.Bound);

        // A second command's completion proves the duplicate, sent before it, has been handled.
        var second = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var next = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, next.CommandId, ParameterSet.Empty));
        await second.WaitAsync(LiveBus.Bound);

        Assert.Equal(CommandOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(1, finals);
        Assert.Equal(1, h.Client.RejectedMessageCount);
    }

    [Fact]
    public async Task ExecuteAsync_EventCallbackThrows_OutcomeStillArrives()
    {
        await using var h = await CommandClientHarness.StartAsync();

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand(), (_, _) => throw new InvalidOperationException("observer bug"));
        var received = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Accepted, received.CommandId));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, received.CommandId, ParameterSet.Empty));

        Assert.Equal(CommandOutcomeKind.Completed, (await execution.WaitAsync(LiveBus.Bound)).Kind);
    }

    [Fact]
    public async Task SendAbortAsync_RunningCommand_InstrumentGetsAbortWithSameIdAndOutcomeIsAborted()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var command = h.NewCommand();

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, command);
        await h.Instrument.NextCommandAsync();
        await h.Client.SendAbortAsync(h.Instrument.Topics, command.CommandId);
        var abort = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Aborted, abort.CommandId));

        Assert.Equal((CommandType.Abort, command.CommandId), (abort.Type, abort.CommandId));
        Assert.Equal(CommandOutcomeKind.Aborted, (await execution.WaitAsync(LiveBus.Bound)).Kind);
    }

    [Fact]
    public async Task ExecuteAsync_SameCommandIdWhileRunning_Throws()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var command = h.NewCommand();

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, command);
        await h.Instrument.NextCommandAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.ExecuteAsync(h.Instrument.Topics, command));
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, command.CommandId, ParameterSet.Empty));
        await execution.WaitAsync(LiveBus.Bound);
    }

    [Fact]
    public async Task ExecuteAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var h = await CommandClientHarness.StartAsync();
        using var cts = new CancellationTokenSource();

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand(), cancellationToken: cts.Token);
        await h.Instrument.NextCommandAsync();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution.WaitAsync(LiveBus.Bound));
    }

    [Fact]
    public async Task ExecuteAsync_AbortCommand_IsRefused()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var abort = h.NewCommand() with { Type = CommandType.Abort };

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.ExecuteAsync(h.Instrument.Topics, abort));
    }
}
