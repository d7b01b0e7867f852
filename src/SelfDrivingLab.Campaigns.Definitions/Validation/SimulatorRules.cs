using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The simulated instruments, and whether they can run the workflow: every step's capability is offered, a retried
/// step's instruments declare it idempotent, and the last step measures the objective. Without simulators the
/// instruments are real and announce their capabilities at run time, so only the simulators' own fields are checked.
/// </summary>
internal static class SimulatorRules
{
    public static void Check(CampaignDefinition campaign, ProblemList problems)
    {
        CheckEach(campaign.Simulators, "simulators", problems);
        SiteRules.Check(FacilityDefinition.Single(campaign), problems);
        if (campaign.Simulators.Count > 0)
        {
            CheckCoverage(campaign, campaign.Simulators, problems);
        }
    }

    /// <summary>The simulators' own fields; <paramref name="path"/> is where their list is (<c>simulators</c>).</summary>
    public static void CheckEach(IReadOnlyList<SimulatedInstrumentDefinition> simulators, string path, ProblemList problems)
    {
        for (var index = 0; index < simulators.Count; index++)
        {
            var simulator = simulators[index];
            var at = $"{path}[{index}]";
            if (simulator.Id.Value is null)
            {
                problems.Add($"{at}.id", "'id' is required");
            }
            else if (simulators.Take(index).Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Id == simulator.Id) is { s: not null } first)
            {
                problems.Add($"{at}.id", $"simulator '{simulator.Id}' is already defined at {path}[{first.i}]");
            }

            if (!SimulatorTypes.All.Contains(simulator.Type))
            {
                problems.Add($"{at}.type", $"'{simulator.Type}' is not a simulator type; use {string.Join(", ", SimulatorTypes.All)}{NameSuggestion.DidYouMean(simulator.Type ?? string.Empty, SimulatorTypes.All)}");
            }

            if (string.IsNullOrEmpty(simulator.Capability))
            {
                problems.Add($"{at}.capability", "'capability' is required");
            }

            // Zero is allowed: an instrument that answers at once (bench orchestration measures the orchestrator with them).
            if (simulator.Duration.Mean < TimeSpan.Zero)
            {
                problems.Add($"{at}.duration", $"must not be negative (got a mean of {DurationParser.Format(simulator.Duration.Mean)})");
            }

            if (!(simulator.FailureRate >= 0 && simulator.FailureRate < 1))
            {
                problems.Add($"{at}.failure_rate", $"must be in [0, 1) (got {ProblemList.Format(simulator.FailureRate)})");
            }

            var measures = SimulatorTypes.Measuring.Contains(simulator.Type);
            if (measures && simulator.GroundTruth is null)
            {
                problems.Add($"{at}.ground_truth", "'ground_truth' is required");
            }
            else if (!measures && simulator.GroundTruth is not null && SimulatorTypes.All.Contains(simulator.Type))
            {
                problems.Add($"{at}.ground_truth", $"only {string.Join(", ", SimulatorTypes.Measuring)} simulators have a ground truth");
            }

            CheckFaults(simulator.Faults, $"{at}.faults", problems);
        }
    }

    private static void CheckFaults(FaultDefinition faults, string path, ProblemList problems)
    {
        double[] rates = [faults.Reject, faults.Fail, faults.Hang, faults.Disconnect, faults.Duplicate, faults.Late];
        if (rates.Any(r => !(r >= 0 && r <= 1)))
        {
            problems.Add(path, "every fault rate must be in [0, 1]");
        }
        else if (faults.Total > 1 + 1e-9)
        {
            problems.Add(path, $"fault rates add up to {ProblemList.Format(faults.Total)}; a command gets at most one fault, so they must add up to at most 1");
        }

        if (faults.Late > 0 && faults.LateDelay is null)
        {
            problems.Add($"{path}.late", "a late rate needs 'late_delay', the extra delay of a late result, e.g. late_delay: { mean: 10m, sd: 2m }");
        }
    }

    /// <summary>Every step's capability is offered, retries are safe, and the last step measures the objective.</summary>
    private static void CheckCoverage(CampaignDefinition campaign, IReadOnlyList<SimulatedInstrumentDefinition> simulators, ProblemList problems)
    {
        var offered = simulators.Select(s => s.Capability).Distinct(StringComparer.Ordinal).ToList();
        var steps = campaign.Steps;
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            if (step.Transfer is not null)
            {
                continue; // no command
            }

            if (!offered.Contains(step.Capability))
            {
                problems.Add(
                    $"workflow[{index}].capability",
                    $"no simulator offers capability '{step.Capability}' (simulators offer {string.Join(", ", offered)}){NameSuggestion.DidYouMean(step.Capability ?? string.Empty, offered)}");
            }

            // A retry re-sends a physical action; the campaign's own instruments must say that is harmless.
            var unsafeOnes = simulators.Where(s => s.Capability == step.Capability && !s.Idempotent).Select(s => s.Id.Value).ToList();
            if (step.Retry is not null && unsafeOnes.Count > 0)
            {
                problems.Add(
                    $"workflow[{index}] ({step.Name}).retry",
                    $"simulator {string.Join(", ", unsafeOnes)} does not declare '{step.Capability}' idempotent, so the step may not be retried; "
                    + "remove 'retry' or set 'idempotent: true' on the simulator if repeating the action is harmless");
            }
        }

        if (steps.Count == 0)
        {
            return;
        }

        if (campaign.IsMultiObjective)
        {
            CheckObjectivesMeasured(campaign, simulators, problems);
            return;
        }

        var last = steps[^1];
        var objective = campaign.Objective.Output;
        var measuring = simulators.Where(s => s.Capability == last.Capability).ToList();
        var wrong = measuring.Where(s => Output(s) != objective).ToList();
        if (measuring.Count > 0 && wrong.Count > 0)
        {
            var produced = string.Join(", ", wrong.Select(s => $"{s.Id} returns '{Output(s)}'"));
            problems.Add(
                "objective.output",
                $"objective output '{objective}' is not measured by the last step '{last.Name}' (capability '{last.Capability}': {produced})");
        }
    }

    /// <summary>With several objectives, each objective's output must be measured by a simulator of some step (any step: they may measure in turn).</summary>
    private static void CheckObjectivesMeasured(CampaignDefinition campaign, IReadOnlyList<SimulatedInstrumentDefinition> simulators, ProblemList problems)
    {
        var capabilities = campaign.Steps.Where(s => s.Transfer is null).Select(s => s.Capability).ToHashSet(StringComparer.Ordinal);
        var measuring = simulators.Where(s => capabilities.Contains(s.Capability) && s.GroundTruth is not null).ToList();
        for (var index = 0; index < campaign.Objectives.Count; index++)
        {
            var output = campaign.Objectives[index].Output;
            if (!string.IsNullOrEmpty(output) && measuring.All(s => Output(s) != output))
            {
                var produced = measuring.Count == 0 ? "no simulator of the workflow measures anything" : "they measure " + string.Join(", ", measuring.Select(s => $"'{Output(s)}' ({s.Id})").Distinct());
                problems.Add($"objectives[{index}].output", $"objective output '{output}' is measured by no simulator of the workflow's steps ({produced})");
            }
        }
    }

    private static string Output(SimulatedInstrumentDefinition simulator) => simulator.GroundTruth?.Output ?? SimulatorTypes.SampleIdOutput;
}
