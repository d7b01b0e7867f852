using Microsoft.Extensions.Logging;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Tests.Client;

/// <summary>The orchestrator's own aborts: their documented answers are expected (no warning, no rejection) and can be awaited, bounded.</summary>
public sealed class InstrumentCommandClientAbortTests
{
    private static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task SendAbortAsync_AbortedAnswerAfterTheDeadline_RecordedLateWithoutAWarning()
    {
        var logs = new RecordingLogger();
        var sink = new RecordingLateEventSink();
        await using var h = await CommandClientHarness.StartAsync(sink, logs.For<InstrumentCommandClient>());
        var received = await TimeOutACommandAsync(h);

        await h.Client.SendAbortAsync(h.Instrument.Topics, received.CommandId);
        Assert.Equal(CommandType.Abort, (await h.Instrument.NextCommandAsync()).Type);
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Aborted, received.CommandId));

        Assert.Equal(InstrumentEventKind.Aborted, (await sink.Received.Reader.ReadAsync().AsTask().WaitAsync(LiveBus.Bound)).Event.Kind);
        Assert.Equal(0, h.Client.RejectedMessageCount);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains(received.CommandId.Value, StringComparison.Ordinal) && !e.Message.Contains("timed out", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message == $"The instrument answered the abort of command {received.CommandId}: Aborted");
    }

    [Fact]
    public async Task AbortAsync_UnknownAnswer_ConfirmsWithoutRejectingIt()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var received = await TimeOutACommandAsync(h);

        var confirming = h.Client.AbortAsync(h.Instrument.Topics, received.CommandId, ConfirmWithin);
        await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Unknown, received.CommandId));

        Assert.Equal(InstrumentEventKind.Unknown, (await confirming.WaitAsync(LiveBus.Bound))!.Kind);
        Assert.Equal(0, h.Client.RejectedMessageCount);
    }

    [Fact]
    public async Task AbortAsync_NoAnswer_GivesUpAfterTheWaitOnTheInjectedClock()
    {
        var logs = new RecordingLogger();
        await using var h = await CommandClientHarness.StartAsync(logger: logs.For<InstrumentCommandClient>());
        var received = await TimeOutACommandAsync(h);

        var confirming = h.Client.AbortAsync(h.Instrument.Topics, received.CommandId, ConfirmWithin);
        await h.Instrument.NextCommandAsync();
        h.Time.Advance(ConfirmWithin - TimeSpan.FromSeconds(1));
        Assert.False(confirming.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await confirming.WaitAsync(LiveBus.Bound));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 121);
    }

    [Fact]
    public async Task AbortAsync_CommandHadAlreadyFailed_ConfirmsAtOnceWithItsFinalEvent()
    {
        await using var h = await CommandClientHarness.StartAsync();
        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var received = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Failed, received.CommandId, error: "jammed"));
        await execution.WaitAsync(LiveBus.Bound);

        var answer = await h.Client.AbortAsync(h.Instrument.Topics, received.CommandId, ConfirmWithin).WaitAsync(LiveBus.Bound);

        Assert.Equal(InstrumentEventKind.Failed, answer!.Kind);
    }

    private static async Task<InstrumentCommand> TimeOutACommandAsync(CommandClientHarness h)
    {
        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand(TimeSpan.FromSeconds(30)));
        var received = await h.Instrument.NextCommandAsync();
        h.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(CommandOutcomeKind.TimedOut, (await execution.WaitAsync(LiveBus.Bound)).Kind);
        return received;
    }
}
