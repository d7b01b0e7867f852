using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Campaigns;

/// <summary>A campaign with several objectives (a Pareto front) and one with prior data, run end to end.</summary>
public sealed class CampaignRunnerObjectivesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    // y = x rises, z = (x - 0.2)² falls then rises: the two conflict for x above 0.2.
    private static ScriptedGateway Lab() => new ScriptedGateway()
        .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
        .Answer("measure", c =>
        {
            var x = c.Parameters!.GetNumber("x");
            return new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", x), new("z", (x - 0.2) * (x - 0.2))]));
        });

    private static CampaignDefinition TwoObjectives(int budget, AcquisitionKind acquisition = AcquisitionKind.ExpectedHypervolumeImprovement)
    {
        var campaign = TestCampaigns.TwoSteps(budget);
        return campaign with
        {
            Objectives = [campaign.Objective, new Objective("z", ObjectiveGoal.Minimize)],
            Proposer = campaign.Proposer with { Acquisition = acquisition },
        };
    }

    [Theory]
    [InlineData(AcquisitionKind.ExpectedHypervolumeImprovement)]
    [InlineData(AcquisitionKind.Parego)]
    public async Task RunAsync_TwoObjectives_StoresEveryObjectiveAndReportsTheParetoFront(AcquisitionKind acquisition)
    {
        var summary = await Runner().RunAsync(TwoObjectives(6, acquisition));

        Assert.Equal((CampaignStatus.Completed, 6), (summary.Status, summary.Completed));
        Assert.Null(summary.Best);
        var experiments = await _ledger.GetExperimentsAsync(summary.CampaignId);
        Assert.All(experiments, e => Assert.Equal(["y", "z"], e.Objectives!.Select(o => o.Output)));
        var front = Assert.IsAssignableFrom<IReadOnlyList<ParetoExperiment>>(summary.ParetoFront);
        // Brute force: on the front when no other result is at least as good in both and better in one.
        var values = experiments.ToDictionary(e => e.Id, e => (Y: e.Objectives![0].Value, Z: e.Objectives[1].Value));
        var expected = values.Where(a => !values.Values.Any(b => b.Y >= a.Value.Y && b.Z <= a.Value.Z && (b.Y > a.Value.Y || b.Z < a.Value.Z))).Select(a => a.Key.Value);
        Assert.Equal(expected.Order(StringComparer.Ordinal), front.Select(f => f.Id.Value).Order(StringComparer.Ordinal));
        Assert.True(summary.Hypervolume > 0);
        Assert.NotNull(summary.RecommendedFront);
        var strategies = experiments.Select(e => JsonDocument.Parse(e.Proposal).RootElement.GetProperty("strategy").GetString()).ToList();
        Assert.Equal(["initial-design", "initial-design", "initial-design", "model", "model", "model"], strategies);
    }

    [Fact]
    public async Task RunAsync_PriorData_TrainsTheModelFromTheStartAndIsStoredApartFromExperiments()
    {
        var campaign = TestCampaigns.TwoSteps(budget: 3);
        PriorRow[] rows = [.. new[] { 0.1, 0.5, 0.9 }.Select((x, i) => new PriorRow(i + 2, new ParameterSet([new("x", x)]), new ParameterSet([new("y", x), new("note", "old")])))];
        campaign = campaign with { Prior = new PriorDataDefinition("/data/earlier.csv", rows) };

        var summary = await Runner().RunAsync(campaign);

        Assert.Equal((CampaignStatus.Completed, 3, 3), (summary.Status, summary.Experiments, summary.PriorRows));
        var experiments = await _ledger.GetExperimentsAsync(summary.CampaignId);
        // The initial design of 3 shrinks by the 3 prior rows: the model proposes from the first experiment on.
        Assert.All(experiments, e => Assert.Equal("model", JsonDocument.Parse(e.Proposal).RootElement.GetProperty("strategy").GetString()));
        var stored = await _ledger.GetPriorDataAsync(summary.CampaignId);
        Assert.Equal([0.1, 0.5, 0.9], stored.Select(r => r.Parameters.GetNumber("x")));
        Assert.Equal([2, 3, 4], stored.Select(r => r.Line ?? 0));
        Assert.Equal([0.1, 0.5, 0.9], stored.Select(r => r.Objectives.Single().Value));
    }

    private CampaignRunner Runner() => new(
        _ledger,
        new ExperimentRunner(_ledger, Lab(), _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance),
        _time,
        NoWorkTracker.Instance,
        NullLogger<CampaignRunner>.Instance);
}
