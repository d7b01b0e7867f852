namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>One campaign as the campaigns page shows it. Immutable.</summary>
/// <param name="Id">The campaign id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Its status, lower case.</param>
/// <param name="Budget">Experiments it may run.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
/// <param name="Objective">What it optimizes (its first objective).</param>
/// <param name="Parameters">The names of its parameters, in the order of its experiments' parameter sets.</param>
/// <param name="Counts">Its experiments by status.</param>
/// <param name="Best">The best completed experiment so far, or null.</param>
/// <param name="Pause">Its pause, while it is paused.</param>
/// <param name="Experiments">Its experiments in sequence order.</param>
public sealed record CampaignView(
    string Id,
    string Name,
    string Status,
    int Budget,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ObjectiveView Objective,
    IReadOnlyList<string> Parameters,
    ExperimentCounts Counts,
    ExperimentView? Best,
    PauseView? Pause,
    IReadOnlyList<ExperimentView> Experiments);
