using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>What a finished campaign did. Immutable.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Completed, Failed or Aborted.</param>
/// <param name="Experiments">Experiments run (the budget, unless stopped early).</param>
/// <param name="Completed">Experiments that produced an objective value.</param>
/// <param name="Failed">Experiments that failed.</param>
/// <param name="Aborted">Experiments stopped by a shutdown.</param>
/// <param name="Best">The best completed experiment, if any (one objective; null with several, see <see cref="ParetoFront"/>).</param>
/// <param name="Ledger">Where the ledger is.</param>
/// <param name="StartedAt">Campaign clock at the start.</param>
/// <param name="FinishedAt">Campaign clock at the end.</param>
/// <param name="Error">Why the campaign failed, when it did.</param>
/// <param name="Recommended">The tested experiment the final model believes is best (robust to measurement noise; one objective only).</param>
public sealed record CampaignSummary(
    CampaignId CampaignId,
    string Name,
    CampaignStatus Status,
    int Experiments,
    int Completed,
    int Failed,
    int Aborted,
    BestExperiment? Best,
    string Ledger,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Error = null,
    Recommendation? Recommended = null)
{
    /// <summary>
    /// With several objectives, the Pareto front of the measured results: the completed experiments that meet every
    /// threshold and that no other such experiment dominates, in sequence order (default null: one objective).
    /// </summary>
    public IReadOnlyList<ParetoExperiment>? ParetoFront { get; init; }

    /// <summary>
    /// With several objectives, the model-based Pareto set: the completed experiments whose posterior means (one
    /// surrogate per objective, trained on the prior data too) meet every threshold and are not dominated (default null).
    /// </summary>
    public IReadOnlyList<ParetoExperiment>? RecommendedFront { get; init; }

    /// <summary>The hypervolume of <see cref="ParetoFront"/> above <see cref="ReferencePoint"/> (scores; default null).</summary>
    public double? Hypervolume { get; init; }

    /// <summary>The reference point of <see cref="Hypervolume"/>, as measured values per objective (default null).</summary>
    public IReadOnlyList<ObjectiveValue>? ReferencePoint { get; init; }

    /// <summary>Prior rows that trained the model (not experiments of the campaign; default 0).</summary>
    public int PriorRows { get; init; }

    /// <summary>Lab time the campaign took.</summary>
    public TimeSpan LabTime => FinishedAt - StartedAt;
}
