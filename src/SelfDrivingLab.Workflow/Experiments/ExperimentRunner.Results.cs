using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Diagnostics;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>
/// Ending an experiment: what it measured — every output of every step, and the objective vector — is stored before
/// the final transition, also when it fails or is aborted after some steps reported outputs.
/// </summary>
public sealed partial class ExperimentRunner
{
    /// <summary>The last step completed or was skipped: store the result, or fail naming what is missing and which steps were skipped.</summary>
    private async Task<ExperimentOutcome> FinishAsync(
        ExperimentStateMachine machine,
        ExperimentRecord experiment,
        CampaignDefinition campaign,
        Dictionary<string, ParameterSet> outputs,
        List<string> skipped,
        ExperimentTrigger success)
    {
        var stepOutputs = StepOutputsOf(campaign.Steps, outputs);
        var measured = ExperimentResult.Merge(stepOutputs);
        var objectives = ReadObjectives(campaign, measured, out var problem);
        if (objectives is null)
        {
            // The skip reason goes with the failure so the feasibility model learns why nothing was measured.
            var reason = skipped.Count == 0 ? problem : $"{problem}: {string.Join("; ", skipped)}";
            await KeepOutputsAsync(experiment, stepOutputs).ConfigureAwait(false);
            await machine.FireAsync(ExperimentTrigger.StepFailed, reason).ConfigureAwait(false);
            return Outcome(experiment, ExperimentStatus.Failed, measured, null, reason) with { Outputs = stepOutputs };
        }

        var result = new ExperimentResult(stepOutputs, objectives);
        using (SdlTelemetry.Tracing.StartActivity("sdl.store"))
        {
            // The result and the last transition: one commit.
            _deferred.Defer(experiment.Id, new LedgerResultWrite(experiment.Id, result, _time.GetUtcNow()));
            await machine.FireAsync(success, success == ExperimentTrigger.Skip ? skipped[^1] : null).ConfigureAwait(false);
        }

        return Outcome(experiment, ExperimentStatus.Completed, measured, objectives[0].Value, null) with { Outputs = stepOutputs, Objectives = objectives };
    }

    /// <summary>
    /// Before an experiment ends without its objective (a step failed, a binding could not be resolved, the campaign
    /// stopped), whatever its earlier steps measured is stored with an empty objective vector: every measured output is kept.
    /// </summary>
    private async Task<IReadOnlyList<StepOutputs>> KeepOutputsAsync(ExperimentRecord experiment, CampaignDefinition campaign, Dictionary<string, ParameterSet> outputs)
    {
        var stepOutputs = StepOutputsOf(campaign.Steps, outputs);
        await KeepOutputsAsync(experiment, stepOutputs).ConfigureAwait(false);
        return stepOutputs;
    }

    /// <remarks>Every caller fires the experiment's last transition next: the outputs are held and stored in its commit.</remarks>
    private Task KeepOutputsAsync(ExperimentRecord experiment, List<StepOutputs> stepOutputs)
    {
        if (stepOutputs.Count > 0)
        {
            _deferred.Defer(experiment.Id, new LedgerResultWrite(experiment.Id, new ExperimentResult(stepOutputs, []), _time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    /// <summary>The outputs of the steps that reported any, in workflow order.</summary>
    private static List<StepOutputs> StepOutputsOf(IReadOnlyList<WorkflowStepDefinition> steps, Dictionary<string, ParameterSet> outputs) =>
        [.. steps.Where(s => outputs.ContainsKey(s.Name)).Select(s => new StepOutputs(s.Name, outputs[s.Name]))];

    /// <summary>The objective vector, one value per objective in the campaign's order; null (and why) when one is missing or not a finite number.</summary>
    private static List<ObjectiveValue>? ReadObjectives(CampaignDefinition campaign, ParameterSet measured, out string problem)
    {
        var values = new List<ObjectiveValue>(campaign.Objectives.Count);
        foreach (var objective in campaign.Objectives)
        {
            var name = objective.Output;
            if (!measured.TryGetValue(name, out var value))
            {
                problem = $"the results do not contain the objective output '{name}'";
                return null;
            }

            if (!value.IsNumber || !double.IsFinite(value.Number))
            {
                problem = $"the objective output '{name}' is '{value}', not a finite number";
                return null;
            }

            values.Add(new ObjectiveValue(name, value.Number));
        }

        problem = string.Empty;
        return values;
    }
}
