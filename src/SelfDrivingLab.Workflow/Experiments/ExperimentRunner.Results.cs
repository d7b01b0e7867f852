using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>Ending an experiment whose last step completed or was skipped: its measurements and objective.</summary>
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
        var measured = Measurements(campaign.Steps, outputs);
        var objective = ReadObjective(campaign, measured, out var problem);
        if (objective is null)
        {
            // The skip reason goes with the failure so the feasibility model learns why nothing was measured.
            var reason = skipped.Count == 0 ? problem : $"{problem}: {string.Join("; ", skipped)}";
            await machine.FireAsync(ExperimentTrigger.StepFailed, reason).ConfigureAwait(false);
            return Outcome(experiment, ExperimentStatus.Failed, measured, null, reason);
        }

        await _ledger.RecordResultAsync(experiment.Id, measured, objective.Value, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        await machine.FireAsync(success, success == ExperimentTrigger.Skip ? skipped[^1] : null).ConfigureAwait(false);
        return Outcome(experiment, ExperimentStatus.Completed, measured, objective, null);
    }

    private static ParameterSet Measurements(IReadOnlyList<WorkflowStepDefinition> steps, Dictionary<string, ParameterSet> outputs)
    {
        // Later steps win when two report the same output name.
        var merged = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (outputs.TryGetValue(step.Name, out var set))
            {
                foreach (var (k, v) in set)
                {
                    merged[k] = v;
                }
            }
        }

        return new ParameterSet(merged);
    }

    private static double? ReadObjective(CampaignDefinition campaign, ParameterSet measured, out string problem)
    {
        var name = campaign.Objective.Output;
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

        problem = string.Empty;
        return value.Number;
    }
}
