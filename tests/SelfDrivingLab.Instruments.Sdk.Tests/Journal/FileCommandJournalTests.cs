using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Journal;

public sealed class FileCommandJournalTests : IDisposable
{
    private static readonly InstrumentId Instrument = new("furnace1");
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _dir = new();

    private string JournalPath => _dir.File("furnace1.journal.jsonl");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Open_AfterRestart_ReturnsTheFinalEventRecordedBefore()
    {
        var completed = Event("a", InstrumentEventKind.Completed) with { Results = new ParameterSet([new("y", 1.25)]) };
        using (var journal = FileCommandJournal.Open(JournalPath))
        {
            await journal.RecordAsync(Event("a", InstrumentEventKind.Accepted));
            await journal.RecordAsync(completed);
        }

        using var reopened = FileCommandJournal.Open(JournalPath);

        Assert.Equal(completed, await reopened.FindLatestAsync(new CommandId("a")));
        Assert.Null(await reopened.FindLatestAsync(new CommandId("b")));
    }

    [Fact]
    public async Task Open_CommandAcceptedButNeverFinished_ReportsItFailedInterruptedAndKeepsThat()
    {
        using (var journal = FileCommandJournal.Open(JournalPath))
        {
            await journal.RecordAsync(Event("a", InstrumentEventKind.Accepted));
        }

        var restartedAt = At.AddHours(2);
        using (var reopened = FileCommandJournal.Open(JournalPath, timeProvider: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(restartedAt)))
        {
            var latest = await reopened.FindLatestAsync(new CommandId("a"));
            Assert.Equal(InstrumentEventKind.Failed, latest!.Kind);
            Assert.Equal(FileCommandJournal.InterruptedError, latest.Error);
            Assert.Equal(restartedAt, latest.At);
        }

        // Written back, so a second restart reports the same event rather than a newer time.
        using var again = FileCommandJournal.Open(JournalPath, timeProvider: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(restartedAt.AddHours(1)));
        Assert.Equal(restartedAt, (await again.FindLatestAsync(new CommandId("a")))!.At);
    }

    [Fact]
    public async Task Open_TornLastLine_SkipsItKeepsTheRestAndAppendsOnAFreshLine()
    {
        using (var journal = FileCommandJournal.Open(JournalPath))
        {
            await journal.RecordAsync(Event("a", InstrumentEventKind.Rejected));
            await journal.RecordAsync(Event("b", InstrumentEventKind.Completed));
        }

        // A kill mid-write leaves half a line without its newline.
        var text = await File.ReadAllTextAsync(JournalPath);
        var lastLineStart = text.TrimEnd('\n').LastIndexOf('\n') + 1;
        await File.WriteAllTextAsync(JournalPath, text[..(lastLineStart + ((text.Length - lastLineStart) / 2))]);

        using (var reopened = FileCommandJournal.Open(JournalPath))
        {
            Assert.Equal(InstrumentEventKind.Rejected, (await reopened.FindLatestAsync(new CommandId("a")))!.Kind);
            Assert.Null(await reopened.FindLatestAsync(new CommandId("b")));
            await reopened.RecordAsync(Event("c", InstrumentEventKind.Completed));
        }

        using var third = FileCommandJournal.Open(JournalPath);
        Assert.Equal(2, third.Count);
        Assert.Equal(InstrumentEventKind.Completed, (await third.FindLatestAsync(new CommandId("c")))!.Kind);
        Assert.All(await File.ReadAllLinesAsync(JournalPath), line => Assert.EndsWith("}", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordAsync_PastTwiceCapacityLines_CompactsToNewestCommands()
    {
        using (var journal = FileCommandJournal.Open(JournalPath, capacity: 3))
        {
            for (var i = 0; i < 10; i++)
            {
                await journal.RecordAsync(Event($"c{i}", InstrumentEventKind.Accepted));
                await journal.RecordAsync(Event($"c{i}", InstrumentEventKind.Completed));
                Assert.True((await File.ReadAllLinesAsync(JournalPath)).Length <= 6, $"the file grew past 2 x capacity after command {i}");
            }

            Assert.Equal(3, journal.Count);
        }

        using var reopened = FileCommandJournal.Open(JournalPath, capacity: 3);
        Assert.Null(await reopened.FindLatestAsync(new CommandId("c6")));
        foreach (var id in new[] { "c7", "c8", "c9" })
        {
            Assert.Equal(InstrumentEventKind.Completed, (await reopened.FindLatestAsync(new CommandId(id)))!.Kind);
        }
    }

    [Fact]
    public void Open_CorruptLineInTheMiddle_SkipsOnlyThatLine()
    {
        File.WriteAllLines(JournalPath, [
            System.Text.Encoding.UTF8.GetString(ProtocolJson.Serialize(Event("a", InstrumentEventKind.Completed))),
            "{\"kind\": garbage",
            System.Text.Encoding.UTF8.GetString(ProtocolJson.Serialize(Event("b", InstrumentEventKind.Aborted))),
        ]);

        using var journal = FileCommandJournal.Open(JournalPath);

        Assert.Equal(2, journal.Count);
    }

    /// <summary>A valid event of <paramref name="kind"/> (completed carries results, failed and rejected an error), as the reader demands.</summary>
    private static InstrumentEvent Event(string id, InstrumentEventKind kind) => new(
        kind,
        new CommandId(id),
        Instrument,
        At,
        Results: kind == InstrumentEventKind.Completed ? ParameterSet.Empty : null,
        Error: kind is InstrumentEventKind.Failed or InstrumentEventKind.Rejected ? "limit_violation" : null);
}
