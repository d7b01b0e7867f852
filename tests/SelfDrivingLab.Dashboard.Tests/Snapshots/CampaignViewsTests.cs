using SelfDrivingLab.Dashboard.Snapshots;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Dashboard.Tests.Snapshots;

public sealed class CampaignViewsTests
{
    [Theory]
    [InlineData(ObjectiveGoal.Maximize, new[] { 2.0, 2.0, 7.0, 9.5 }, 5)]
    [InlineData(ObjectiveGoal.Minimize, new[] { 2.0, 1.5, 1.5, 1.5 }, 2)]
    [InlineData(ObjectiveGoal.Target, new[] { 2.0, 2.0, 7.0, 7.0 }, 4)] // target 8: 7 is nearer than 9.5
    public async Task Of_GoalFromStoredIdentity_BestAndBestSoFarFollowIt(ObjectiveGoal goal, double[] bestSoFar, int bestSequence)
    {
        await using var ledger = await TestLedger.CreateAsync(goal);
        await ledger.AddCompletedAsync(1, 2.0);
        await ledger.AddCompletedAsync(2, 1.5);
        await ledger.FailAsync(await ledger.AddRunningAsync(3), "nozzle clogged");
        await ledger.AddCompletedAsync(4, 7.0);
        await ledger.AddCompletedAsync(5, 9.5);

        var view = await ReadAsync(ledger);

        var campaign = Assert.Single(view.Campaigns);
        Assert.Equal(goal.ToString().ToLowerInvariant(), campaign.Objective.Goal);
        Assert.True(campaign.Objective.Known);
        Assert.Equal(new ExperimentCounts(5, 0, 0, 4, 1, 0, 0), campaign.Counts);
        Assert.Equal(bestSequence, campaign.Best?.Sequence);
        var completed = campaign.Experiments.Where(e => e.Status == "completed").ToList();
        Assert.Equal(bestSoFar, completed.Select(e => e.BestSoFar!.Value));
        var failed = Assert.Single(campaign.Experiments, e => e.Status == "failed");
        Assert.Null(failed.Objective);
        Assert.Equal("nozzle clogged", failed.FailureReason);
    }

    [Fact]
    public async Task Of_NoStoredIdentity_AssumesMaximizeAndSaysSo()
    {
        await using var ledger = await TestLedger.CreateAsync(goal: null);
        await ledger.AddCompletedAsync(1, 2.0);
        await ledger.AddCompletedAsync(2, 3.0);

        var campaign = Assert.Single((await ReadAsync(ledger)).Campaigns);

        Assert.Equal(new ObjectiveView(null, "maximize", null, Known: false), campaign.Objective);
        Assert.Equal(2, campaign.Best?.Sequence);
        Assert.Equal(["n", "theta"], campaign.Parameters);
    }

    [Fact]
    public async Task ReadAsync_CommandInFlight_InstrumentShowsItUntilItsFinalEvent()
    {
        await using var ledger = await TestLedger.CreateAsync();
        var running = await ledger.AddRunningAsync(1);
        var reader = new DashboardViewReader(ledger.Ledger);

        var busy = Assert.Single((await reader.ReadAsync()).Instruments);
        await ledger.CompleteAsync(running, 1.0);
        var idle = Assert.Single((await reader.ReadAsync()).Instruments);

        Assert.Equal(("printer-1", "no status recorded", 1), (busy.Id, busy.Status, busy.Commands));
        Assert.Equal(running.Value, busy.CurrentCommand?.ExperimentId);
        Assert.Equal("sent", busy.CurrentCommand?.LastEvent);
        Assert.Null(idle.CurrentCommand);
    }

    [Fact]
    public async Task Of_ProposalHeldForApproval_CountedAsAwaitingApproval()
    {
        await using var ledger = await TestLedger.CreateAsync();
        await ledger.AddAwaitingApprovalAsync(1);

        var campaign = Assert.Single((await ReadAsync(ledger)).Campaigns);

        Assert.Equal(new ExperimentCounts(1, 0, 1, 0, 0, 0, 1), campaign.Counts);
    }

    private static Task<DashboardView> ReadAsync(TestLedger ledger) => new DashboardViewReader(ledger.Ledger).ReadAsync();
}
