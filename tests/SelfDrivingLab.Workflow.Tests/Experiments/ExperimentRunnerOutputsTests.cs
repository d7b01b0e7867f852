using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Experiments;

/// <summary>Every measured output is kept (issue 10 section 1): each step's outputs and the objective vector, also when the experiment fails.</summary>
public sealed class ExperimentRunnerOutputsTests
{
    private readonly SignallingTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_BothStepsReportOutputs_StoresEveryStepsOutputsAndTheObjectiveVector()
    {
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => Done(("sample_id", "S-1"), ("mass", 2.5)))
            .Answer("measure", c => Done(("y", c.Parameters!.GetNumber("x") * 10), ("sample_id", "S-1/m"), ("colour", "red")));
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        var stored = (await _ledger.FindExperimentAsync(experiment.Id))!;
        Assert.Equal(["synthesis", "characterization"], stored.Outputs!.Select(o => o.Step));
        Assert.Equal(2.5, stored.Outputs![0].Outputs["mass"].Number);
        Assert.Equal("S-1", stored.Outputs![0].Outputs["sample_id"].Text);
        Assert.Equal([new ObjectiveValue("y", 5.0)], stored.Objectives);
        Assert.Equal(("S-1/m", "red", 2.5), (stored.Measurements!["sample_id"].Text, stored.Measurements["colour"].Text, stored.Measurements["mass"].Number));
        Assert.Equal(stored.Outputs, outcome.Outputs);
    }

    [Fact]
    public async Task RunAsync_SecondStepFails_KeepsTheFirstStepsOutputsWithoutAnObjective()
    {
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => Done(("sample_id", "S-1"), ("mass", 2.5)))
            .Answer("measure", _ => new StepCommandResult(StepCommandStatus.Failed, null, "measurement_failed", "lamp"));
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        var stored = (await _ledger.FindExperimentAsync(experiment.Id))!;
        Assert.Equal((ExperimentStatus.Failed, (double?)null, (IReadOnlyList<ObjectiveValue>?)null), (stored.Status, stored.Objective, stored.Objectives));
        Assert.Equal(2.5, Assert.Single(stored.Outputs!).Outputs["mass"].Number);
        Assert.Equal("S-1", outcome.Measurements!["sample_id"].Text);
    }

    [Fact]
    public async Task RunAsync_ObjectiveMissing_KeepsWhatTheStepsMeasured()
    {
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => Done(("sample_id", "S-1")))
            .Answer("measure", _ => Done(("z", 1.0)));
        var experiment = await ProposeAsync();

        await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        var stored = (await _ledger.FindExperimentAsync(experiment.Id))!;
        Assert.Equal(ExperimentStatus.Failed, stored.Status);
        Assert.Null(stored.Objective);
        Assert.Equal(1.0, stored.Measurements!["z"].Number);
        Assert.Equal(["synthesis", "characterization"], stored.Outputs!.Select(o => o.Step));
    }

    private static StepCommandResult Done(params (string Name, ParameterValue Value)[] results) =>
        new(StepCommandStatus.Completed, new ParameterSet(results.Select(r => new KeyValuePair<string, ParameterValue>(r.Name, r.Value))));

    private ExperimentRunner Runner(IInstrumentGateway gateway) => new(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance);

    private async Task<ExperimentRecord> ProposeAsync()
    {
        var campaign = new CampaignId("c1");
        var now = _time.GetUtcNow();
        await _ledger.CreateCampaignAsync(new CampaignRecord(campaign, "c1", "yaml", 1, 5, CampaignStatus.Running, now, now));
        var experiment = new ExperimentRecord(new ExperimentId("c1-e0001"), campaign, 1, new ParameterSet([new("x", 0.5)]), ExperimentStatus.Proposed, ExperimentStates.Proposed, "{}", now, now);
        await _ledger.AddExperimentAsync(experiment);
        return experiment;
    }
}
