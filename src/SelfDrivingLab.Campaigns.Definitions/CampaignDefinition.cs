using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// A campaign: what to search and optimize, how every experiment is run, and the instruments it may simulate. Read from
/// a campaign file by the campaign loader or built in code; either way <see cref="CampaignValidator"/> decides whether
/// it can run (the loader and the host refuse one with problems). Immutable.
/// </summary>
/// <param name="Name">Campaign name (also the default id stem).</param>
/// <param name="Description">Free text for people.</param>
/// <param name="Site">Site whose instruments the campaign uses (default <c>lab</c>).</param>
/// <param name="Seed">Seed of every random choice in the campaign.</param>
/// <param name="Budget">Experiments to run, failed ones included.</param>
/// <param name="Parallel">Experiments in flight at once (default 1).</param>
/// <param name="Objective">What to optimize: the one objective, or the first of <see cref="Objectives"/>.</param>
/// <param name="Space">The search space (with a <see cref="Pool"/>, the space the pool's candidates lie in).</param>
/// <param name="Proposer">Surrogate, acquisition and initial design.</param>
/// <param name="Steps">Workflow steps, in order.</param>
/// <param name="Simulators">Instruments the host starts as simulators.</param>
/// <param name="SourceText">The file's text, stored verbatim in the ledger (for a campaign built in code, any description of it, e.g. empty).</param>
/// <param name="SourcePath">The file's full path, when loaded from a file.</param>
public sealed record CampaignDefinition(
    string Name,
    string? Description,
    SiteId Site,
    int Seed,
    int Budget,
    int Parallel,
    Objective Objective,
    SearchSpace Space,
    ProposerSettings Proposer,
    IReadOnlyList<WorkflowStepDefinition> Steps,
    IReadOnlyList<SimulatedInstrumentDefinition> Simulators,
    string SourceText,
    string? SourcePath)
{
    /// <summary>
    /// The candidate pool when the file has a <c>pool</c> section instead of <c>space</c> (default null). Then
    /// <see cref="Space"/> describes the same candidates — a categorical parameter whose choices are the pool's
    /// formulas, or one continuous parameter per input spanning the pool's range — and
    /// <see cref="Proposer"/>'s <see cref="ProposerSettings.Pool"/> holds <see cref="CandidatePoolDefinition.Candidates"/>.
    /// </summary>
    public CandidatePoolDefinition? Pool { get; init; }

    // Null while the campaign has one objective, so that `with { Objective = … }` keeps the two in step.
    private readonly IReadOnlyList<Objective>? _objectives;

    /// <summary>
    /// Every objective, in order (default: <see cref="Objective"/> alone). With two or more the campaign looks for a
    /// Pareto front (<c>objectives:</c> in a campaign file); the first must be <see cref="Objective"/>, and thresholds
    /// (<see cref="Objective.AtLeast"/>, <see cref="Objective.AtMost"/>) apply only then.
    /// </summary>
    public IReadOnlyList<Objective> Objectives
    {
        get => _objectives ?? [Objective];
        init => _objectives = value;
    }

    /// <summary>Whether <see cref="Objectives"/> was given as a list (<c>objectives:</c>), so problems name <c>objectives[i]</c>.</summary>
    internal bool HasObjectiveList => _objectives is not null;

    /// <summary>Whether the campaign has two or more objectives.</summary>
    public bool IsMultiObjective => Objectives.Count > 1;

    /// <summary>
    /// The units of parameters and outputs, by name, for people (<c>unit:</c> on a space parameter or an objective; default
    /// none). Only shown — never converted or compared — so they do not define the campaign.
    /// </summary>
    public IReadOnlyDictionary<string, string> Units { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Earlier measurements that train the model from the start (default null: none); see <see cref="PriorDataDefinition"/>.</summary>
    public PriorDataDefinition? Prior { get; init; }

    /// <summary>Lowest <see cref="Priority"/>.</summary>
    public const int LowestPriority = -10;

    /// <summary>Default <see cref="Priority"/>.</summary>
    public const int NormalPriority = 0;

    /// <summary>Highest <see cref="Priority"/>.</summary>
    public const int HighestPriority = 10;

    /// <summary>
    /// When proposals need a person's approval before their first step (default null: never).
    /// </summary>
    public ApprovalPolicy? Approval { get; init; }

    /// <summary>
    /// The campaign's claim on shared instruments (<see cref="LowestPriority"/>..<see cref="HighestPriority"/>,
    /// default <see cref="NormalPriority"/>): a waiting step of a higher-priority campaign is served first,
    /// and a waiting step gains one level per wait interval so no campaign starves.
    /// </summary>
    public int Priority { get; init; } = NormalPriority;
}
