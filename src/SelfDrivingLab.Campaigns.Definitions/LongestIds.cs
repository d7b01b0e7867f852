using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The longest experiment and command ids a campaign can derive, computed with <see cref="DerivedIds"/> (the code
/// the runners derive them with) for the worst case: a same-second name collision, the last experiment of the
/// budget, every step with its most re-sends (retry attempts, then retry elsewhere) and busy attempts. Thread-safe (stateless).
/// </summary>
public static class LongestIds
{
    /// <summary>The longest command id (the longest derived id) of a campaign named <paramref name="name"/>.</summary>
    public static string Command(string name, int budget, IReadOnlyList<WorkflowStepDefinition> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var experiment = Experiment(name, budget);
        var longest = experiment;
        for (var index = 0; index < steps.Count; index++)
        {
            foreach (var id in CommandIds(experiment, index, steps[index]))
            {
                if (id.Length > longest.Length)
                {
                    longest = id;
                }
            }
        }

        return longest;
    }

    /// <summary>The longest experiment id of a campaign named <paramref name="name"/> with <paramref name="budget"/> experiments.</summary>
    public static string Experiment(string name, int budget) =>
        DerivedIds.Experiment(DerivedIds.Campaign(name, DateTimeOffset.MaxValue, DerivedIds.MaxCampaignCollision), budget);

    // Mirrors ExperimentRunner: the first send and each retry go through the busy re-sends; retry elsewhere is sent once.
    private static IEnumerable<string> CommandIds(string experiment, int index, WorkflowStepDefinition step)
    {
        var stepId = DerivedIds.Step(experiment, index);
        yield return DerivedIds.Busy(stepId, DerivedIds.MaxBusyAttempts);
        var sends = 1 + (step.Retry?.Attempts ?? 0);
        if (sends > 1)
        {
            yield return DerivedIds.Busy(DerivedIds.Attempt(stepId, sends), DerivedIds.MaxBusyAttempts);
        }

        if (step.OnFailure == StepFailurePolicy.RetryElsewhere)
        {
            yield return DerivedIds.Attempt(stepId, sends + 1);
        }
    }
}
