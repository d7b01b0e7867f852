using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Journal;

public sealed class BoundedCommandJournalTests
{
    private static readonly InstrumentId Instrument = new("furnace1");
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordAsync_BeyondCapacity_ForgetsOldestCommandIds()
    {
        var journal = new BoundedCommandJournal(capacity: 2);

        await journal.RecordAsync(Event("a", InstrumentEventKind.Accepted));
        await journal.RecordAsync(Event("b", InstrumentEventKind.Accepted));
        await journal.RecordAsync(Event("a", InstrumentEventKind.Aborted));
        await journal.RecordAsync(Event("c", InstrumentEventKind.Accepted));

        Assert.Null(await journal.FindLatestAsync(new CommandId("a")));
        Assert.NotNull(await journal.FindLatestAsync(new CommandId("b")));
        Assert.NotNull(await journal.FindLatestAsync(new CommandId("c")));
        Assert.Equal(2, journal.Count);
    }

    [Fact]
    public async Task RecordAsync_SameCommandTwice_KeepsLatestEvent()
    {
        var journal = new BoundedCommandJournal();

        await journal.RecordAsync(Event("a", InstrumentEventKind.Accepted));
        await journal.RecordAsync(Event("a", InstrumentEventKind.Aborted));

        Assert.Equal(InstrumentEventKind.Aborted, (await journal.FindLatestAsync(new CommandId("a")))!.Kind);
        Assert.Equal(1, journal.Count);
    }

    private static InstrumentEvent Event(string id, InstrumentEventKind kind) => new(kind, new CommandId(id), Instrument, At);
}
