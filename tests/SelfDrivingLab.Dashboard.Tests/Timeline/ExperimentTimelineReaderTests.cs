using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Dashboard.Timeline;

namespace SelfDrivingLab.Dashboard.Tests.Timeline;

public sealed class ExperimentTimelineReaderTests
{
    [Fact]
    public async Task ReadAsync_CompletedExperiment_StatesCommandsAndEventsInTheOrderTheyHappened()
    {
        await using var ledger = await TestLedger.CreateAsync();
        var id = await ledger.AddCompletedAsync(1, 2.5);

        var timeline = await new ExperimentTimelineReader(ledger.Ledger).ReadAsync(id);

        Assert.NotNull(timeline);
        Assert.Equal(2.5, timeline.Experiment.Objective);
        Assert.Equal(
            ["state", "state", "command", "event", "state"],
            timeline.Entries.Select(e => e.Kind));
        Assert.Equal(" → Proposed (proposed)", timeline.Entries[0].Summary);
        Assert.Equal("printing → Completed (Measured)", timeline.Entries[^1].Summary);
        Assert.Equal(timeline.Entries.Select(e => e.At).Order(), timeline.Entries.Select(e => e.At));
    }

    [Fact]
    public async Task ReadAsync_UnknownExperiment_Null()
    {
        await using var ledger = await TestLedger.CreateAsync();

        Assert.Null(await new ExperimentTimelineReader(ledger.Ledger).ReadAsync(new ExperimentId("nothing-e0001")));
    }
}
