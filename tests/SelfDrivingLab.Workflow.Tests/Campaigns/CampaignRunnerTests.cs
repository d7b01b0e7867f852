using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Campaigns;

public sealed class CampaignRunnerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_Budget8Parallel2_RunsExactlyTheBudgetAndFindsTheBest()
    {
        var gateway = Lab(x => -((x - 0.7) * (x - 0.7)));
        var progress = new RecordingObserver();

        var summary = await Runner(gateway).RunAsync(TestCampaigns.TwoSteps(budget: 8, parallel: 2), progress);

        Assert.Equal((CampaignStatus.Completed, 8, 8, 0), (summary.Status, summary.Experiments, summary.Completed, summary.Failed));
        var experiments = await _ledger.GetExperimentsAsync(summary.CampaignId);
        Assert.Equal(Enumerable.Range(1, 8), experiments.Select(e => e.Sequence));
        Assert.All(experiments, e => Assert.Equal(ExperimentStatus.Completed, e.Status));
        var best = experiments.MaxBy(e => e.Objective!.Value)!;
        Assert.Equal(best.Id, summary.Best!.Id);
        Assert.Equal(best.Objective, summary.Best.Value);
        Assert.Equal(8, progress.Seen.Count);
        Assert.Equal(8, progress.Seen[^1].Done);
        Assert.Equal(CampaignStatus.Completed, (await _ledger.FindCampaignAsync(summary.CampaignId))!.Status);
        Assert.True(gateway.MaxConcurrentLeases <= 2);
    }

    [Fact]
    public async Task RunAsync_AfterInitialDesign_ProposalsComeFromTheModelAndRecordIt()
    {
        var summary = await Runner(Lab(x => x)).RunAsync(TestCampaigns.TwoSteps(budget: 5));

        var strategies = (await _ledger.GetExperimentsAsync(summary.CampaignId))
            .Select(e => JsonDocument.Parse(e.Proposal).RootElement.GetProperty("strategy").GetString())
            .ToList();
        Assert.Equal(["initial-design", "initial-design", "initial-design", "model", "model"], strategies);
    }

    [Fact]
    public async Task RunAsync_SomeExperimentsFail_TheyCountTowardTheBudgetAndAreRecorded()
    {
        var calls = 0;
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => Interlocked.Increment(ref calls) % 3 == 0
                ? new StepCommandResult(StepCommandStatus.Failed, null, "synthesis_failed", "crucible cracked")
                : new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
            .Answer("measure", c => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", c.Parameters!.GetNumber("x"))])));

        var summary = await Runner(gateway).RunAsync(TestCampaigns.TwoSteps(budget: 9));

        Assert.Equal((9, 6, 3), (summary.Experiments, summary.Completed, summary.Failed));
        var failed = (await _ledger.GetExperimentsAsync(summary.CampaignId)).Where(e => e.Status == ExperimentStatus.Failed).ToList();
        Assert.Equal(3, failed.Count);
        Assert.All(failed, e => Assert.Contains("crucible cracked", e.FailureReason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ConstraintsNoProposalCanMeet_CampaignFailsWithTheReasonInsteadOfThrowing()
    {
        var impossible = new SearchSpace(
            [new ContinuousParameter("x", 0, 1)],
            null,
            [new LinearConstraint(new Dictionary<string, double> { ["x"] = 1 }, -10)]);
        var gateway = Lab(x => x);

        var summary = await Runner(gateway).RunAsync(TestCampaigns.TwoSteps(budget: 3) with { Space = impossible });

        Assert.Equal(CampaignStatus.Failed, summary.Status);
        Assert.Contains("the proposer found no experiment to propose: No point satisfying the constraints", summary.Error, StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Failed, (await _ledger.FindCampaignAsync(summary.CampaignId))!.Status);
        Assert.Equal(0, summary.Experiments);
        Assert.Empty(gateway.Sent);
    }

    [Fact]
    public async Task RunAsync_NoInstrumentForAStep_CampaignFailsWithTheReason()
    {
        var gateway = new ScriptedGateway().Missing("anneal");

        var summary = await Runner(gateway).RunAsync(TestCampaigns.TwoSteps(budget: 4, parallel: 2));

        Assert.Equal(CampaignStatus.Failed, summary.Status);
        Assert.Contains("anneal", summary.Error, StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Failed, (await _ledger.FindCampaignAsync(summary.CampaignId))!.Status);
        Assert.Equal(0, summary.Completed);
    }

    [Fact]
    public async Task RunAsync_SameNameTwice_GetsDistinctCampaignIds()
    {
        var first = await Runner(Lab(x => x)).RunAsync(TestCampaigns.TwoSteps(budget: 1));
        var second = await Runner(Lab(x => x)).RunAsync(TestCampaigns.TwoSteps(budget: 1));

        Assert.NotEqual(first.CampaignId, second.CampaignId);
    }

    [Fact]
    public async Task RunAsync_TwoStepsOneExperimentAtATime_NeverHoldsALeaseWhileAcquiringTheNext()
    {
        // Deadlock freedom. Hold-and-wait is the condition every instrument deadlock needs (A holds the
        // furnace and waits for the spectrometer while B holds the spectrometer and waits for the
        // furnace): with one experiment in flight, two leases at once would mean a step kept its instrument.
        var gateway = Lab(x => x);

        var summary = await Runner(gateway).RunAsync(TestCampaigns.TwoSteps(budget: 5, parallel: 1));

        Assert.Equal((CampaignStatus.Completed, 5), (summary.Status, summary.Completed));
        Assert.Equal(10, gateway.Sent.Count);
        Assert.Equal(1, gateway.MaxConcurrentLeases);
    }

    private static ScriptedGateway Lab(Func<double, double> truth) => new ScriptedGateway()
        .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
        .Answer("measure", c => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", truth(c.Parameters!.GetNumber("x")))])));

    private CampaignRunner Runner(IInstrumentGateway gateway) => new(
        _ledger,
        new ExperimentRunner(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance),
        _time,
        NoWorkTracker.Instance,
        NullLogger<CampaignRunner>.Instance);

    private sealed class RecordingObserver : ICampaignObserver
    {
        public List<CampaignProgress> Seen { get; } = [];

        public void OnExperimentFinished(CampaignProgress progress) => Seen.Add(progress);
    }
}
