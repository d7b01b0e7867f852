using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>Checks that need several sections at once: simulators cover the workflow, and the last step measures the objective.</summary>
internal static class CampaignChecks
{
    /// <summary>What a synthesis simulator returns.</summary>
    private const string SynthesisOutput = "sample_id";

    public static void Check(
        (IReadOnlyList<(WorkflowStepDefinition Step, YamlMap Map)> Steps, bool Complete) workflow,
        (IReadOnlyList<(SimulatedInstrumentDefinition Simulator, YamlMap Map)> Simulators, IReadOnlyList<string> Capabilities, bool Complete) simulation,
        Objective? objective,
        YamlMap? objectiveMap)
    {
        var (steps, simulators) = (workflow.Steps, simulation.Simulators);

        // Without simulators the instruments are real and announce their capabilities at run time.
        if (simulation.Capabilities.Count == 0)
        {
            return;
        }

        var offered = simulation.Capabilities.Distinct(StringComparer.Ordinal).ToList();
        foreach (var (step, map) in steps.Where(s => !offered.Contains(s.Step.Capability)))
        {
            map.Error(
                "capability",
                $"no simulator offers capability '{step.Capability}' (simulators offer {string.Join(", ", offered)}){NameSuggestion.DidYouMean(step.Capability, offered)}");
        }

        CheckRetries(steps, simulators);

        // Which step is last, and what it measures, is only known when every step and simulator parsed.
        if (objective is null || objectiveMap is null || steps.Count == 0 || !workflow.Complete || !simulation.Complete)
        {
            return;
        }

        var last = steps[^1].Step;
        var measuring = simulators.Where(s => s.Simulator.Capability == last.Capability).Select(s => s.Simulator).ToList();
        var wrong = measuring.Where(s => Output(s) != objective.Output).ToList();
        if (measuring.Count > 0 && wrong.Count > 0)
        {
            var produced = string.Join(", ", wrong.Select(s => $"{s.Id} returns '{Output(s)}'"));
            objectiveMap.Error(
                "output",
                $"objective output '{objective.Output}' is not measured by the last step '{last.Name}' (capability '{last.Capability}': {produced})");
        }
    }

    /// <summary>
    /// Every id the campaign derives (experiments, commands with their step, re-send and busy suffixes) must be a valid id:
    /// the longest one is computed with the runners' own derivation (<see cref="LongestIds"/>) and checked against the limit.
    /// </summary>
    public static void CheckDerivedIds(YamlMap root, string name, int budget, IReadOnlyList<WorkflowStepDefinition> steps)
    {
        var longest = LongestIds.Command(name, budget, steps);
        if (longest.Length > IdRules.MaxLength)
        {
            root.Error(
                "name",
                $"'{name}' ({name.Length} characters) is too long: the command ids derived from it ({{name}}-{{yyyyMMdd-HHmmss}}[-n]-e{{experiment}}-s{{step}}[-a{{send}}][-r{{attempt}}]) "
                + $"reach {longest.Length} characters with this budget and these steps, over the id limit of {IdRules.MaxLength}; shorten the name by at least {longest.Length - IdRules.MaxLength} characters");
        }
    }

    // A retry re-sends a physical action; the file's own instruments must say that is harmless.
    private static void CheckRetries(
        IReadOnlyList<(WorkflowStepDefinition Step, YamlMap Map)> steps,
        IReadOnlyList<(SimulatedInstrumentDefinition Simulator, YamlMap Map)> simulators)
    {
        foreach (var (step, map) in steps.Where(s => s.Step.Retry is not null))
        {
            var unsafeOnes = simulators.Select(s => s.Simulator).Where(s => s.Capability == step.Capability && !s.Idempotent).Select(s => s.Id.Value).ToList();
            if (unsafeOnes.Count > 0)
            {
                map.WithPath($"{map.Path} ({step.Name})").Error(
                    "retry",
                    $"simulator {string.Join(", ", unsafeOnes)} does not declare '{step.Capability}' idempotent, so the step may not be retried; "
                    + "remove 'retry' or set 'idempotent: true' on the simulator if repeating the action is harmless");
            }
        }
    }

    private static string Output(SimulatedInstrumentDefinition simulator) =>
        simulator.GroundTruth?.Output ?? SynthesisOutput;
}
