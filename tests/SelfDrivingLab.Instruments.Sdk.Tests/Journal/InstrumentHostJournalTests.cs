using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Journal;

/// <summary>An instrument process that restarts with a <see cref="InstrumentHostOptions.JournalDirectory"/> never runs a command id twice.</summary>
public sealed class InstrumentHostJournalTests : IDisposable
{
    private readonly TemporaryDirectory _journal = new();

    public void Dispose() => _journal.Dispose();

    [Fact]
    public async Task Execute_SameCommandIdAfterRestart_RepeatsTheFinalEventWithoutRunningAgain()
    {
        var id = new CommandId("c1");
        var results = new ParameterSet([new("phase", "perovskite")]);
        InstrumentEvent first;
        await using (var before = await HostHarness.StartAsync(journalDirectory: _journal.Path))
        {
            await before.SendAsync(before.Execute("c1"));
            await before.Driver.WhenStartedAsync(id);
            before.Driver.Complete(id, results);
            first = await before.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);
        }

        await using var after = await HostHarness.StartAsync(journalDirectory: _journal.Path);
        await after.SendAsync(after.Execute("c1"));
        var repeat = await after.Recorder.WaitForEventAsync(e => e.CommandId == id);

        Assert.Equal(first, repeat);
        Assert.Empty(after.Driver.Calls);
    }

    [Fact]
    public async Task Execute_CommandCutOffByACrash_IsReportedFailedInterruptedAndNeverRun()
    {
        // What a kill -9 after accepting leaves behind: the accepted line and nothing more.
        var file = InstrumentHost.JournalFile(_journal.Path, new SiteId("lab1"), new InstrumentId("furnace1"));
        using (var crashed = FileCommandJournal.Open(file))
        {
            await crashed.RecordAsync(new InstrumentEvent(InstrumentEventKind.Accepted, new CommandId("c1"), new InstrumentId("furnace1"), HostHarness.Start));
        }

        await using var h = await HostHarness.StartAsync(journalDirectory: _journal.Path);
        await h.SendAsync(h.Execute("c1"));
        var answer = await h.Recorder.WaitForEventAsync(e => e.CommandId == new CommandId("c1"));

        Assert.Equal(InstrumentEventKind.Failed, answer.Kind);
        Assert.Equal(FileCommandJournal.InterruptedError, answer.Error);
        Assert.Empty(h.Driver.Calls);
    }
}
