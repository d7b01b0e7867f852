using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>Builds a <see cref="CampaignView"/> from a campaign and its experiments: counts, best so far. Stateless and thread-safe.</summary>
internal static class CampaignViews
{
    // The workflow's state for a proposal held for approval (ExperimentStates.AwaitingApproval; the dashboard does not reference the workflow).
    private const string AwaitingApproval = "AwaitingApproval";

    public static CampaignView Of(CampaignRecord campaign, IReadOnlyList<ExperimentRecord> experiments)
    {
        var objective = StoredObjective.Of(campaign) ?? new Objective(string.Empty, ObjectiveGoal.Maximize);
        var views = new List<ExperimentView>(experiments.Count);
        ExperimentView? best = null;
        foreach (var experiment in experiments)
        {
            var measured = experiment.Status == ExperimentStatus.Completed ? experiment.Objective : null;
            var view = View(experiment, measured, null);
            if (measured is { } value && (best?.Objective is not { } incumbent || objective.IsBetter(value, incumbent)))
            {
                best = view;
            }

            views.Add(view with { BestSoFar = best?.Objective });
        }

        int Count(ExperimentStatus status) => experiments.Count(e => e.Status == status);
        var counts = new ExperimentCounts(
            experiments.Count,
            Count(ExperimentStatus.Proposed),
            Count(ExperimentStatus.Running),
            Count(ExperimentStatus.Completed),
            Count(ExperimentStatus.Failed),
            Count(ExperimentStatus.Aborted),
            experiments.Count(e => e.State == AwaitingApproval));
        var parameters = experiments.SelectMany(e => e.Parameters.Keys).Distinct(StringComparer.Ordinal).ToList();
        return new CampaignView(
            campaign.Id.Value,
            campaign.Name,
            campaign.Status.ToString().ToLowerInvariant(),
            campaign.Budget,
            campaign.CreatedAt,
            campaign.UpdatedAt,
            StoredObjective.Describe(StoredObjective.Of(campaign)),
            parameters,
            counts,
            best is null ? null : views.First(v => v.Id == best.Id),
            campaign.Pause is { } pause ? new PauseView(pause.At, pause.By, pause.Reason) : null,
            views);
    }

    private static ExperimentView View(ExperimentRecord experiment, double? measured, double? bestSoFar) =>
        new(
            experiment.Id.Value,
            experiment.CampaignId.Value,
            experiment.Sequence,
            experiment.Status.ToString().ToLowerInvariant(),
            experiment.State,
            Values(experiment.Parameters),
            measured,
            bestSoFar,
            experiment.FailureReason,
            experiment.ProposedAt,
            experiment.UpdatedAt);

    /// <summary>A parameter set as the page reads it: numbers as numbers, text as text.</summary>
    public static Dictionary<string, object> Values(ParameterSet parameters) =>
        parameters.ToDictionary(p => p.Key, p => p.Value.IsText ? (object)p.Value.Text! : p.Value.Number, StringComparer.Ordinal);
}
