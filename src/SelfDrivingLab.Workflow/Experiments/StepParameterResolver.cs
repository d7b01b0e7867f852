using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>Fills a step's command parameters from its bindings.</summary>
public static class StepParameterResolver
{
    /// <summary>
    /// Resolves every binding of <paramref name="step"/>; throws <see cref="StepBindingException"/>
    /// naming the step and parameter when a value is missing (e.g. an earlier step did not report an output).
    /// </summary>
    public static ParameterSet Resolve(
        WorkflowStepDefinition step,
        ParameterSet experimentParameters,
        IReadOnlyDictionary<string, ParameterSet> stepOutputs)
    {
        var values = new List<KeyValuePair<string, ParameterValue>>(step.Parameters.Count);
        foreach (var (name, binding) in step.Parameters)
        {
            var value = binding switch
            {
                LiteralBinding literal => literal.Value,
                ExperimentParameterBinding p when experimentParameters.TryGetValue(p.Parameter, out var v) => v,
                ExperimentParameterBinding p => throw new StepBindingException(
                    $"Step '{step.Name}' parameter '{name}': the experiment has no parameter '{p.Parameter}'."),
                StepOutputBinding o when stepOutputs.TryGetValue(o.Step, out var outputs) && outputs.TryGetValue(o.Output, out var v) => v,
                StepOutputBinding o => throw new StepBindingException(
                    $"Step '{step.Name}' parameter '{name}': step '{o.Step}' reported no output '{o.Output}'."),
                _ => throw new StepBindingException($"Step '{step.Name}' parameter '{name}': unsupported binding {binding.GetType().Name}."),
            };
            values.Add(new(name, value));
        }

        return new ParameterSet(values);
    }
}
