using SelfDrivingLab.Optimization.Pools;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// A campaign's <c>pool</c>: the experiments are rows of a table instead of points of a search space. Immutable.
/// </summary>
/// <param name="Path">Full path of the CSV table.</param>
/// <param name="FormulaColumn">The column of chemical formulas (featurized with Magpie; the parameter is the formula text), or null.</param>
/// <param name="Inputs">The numeric columns that are both features and parameters (empty with a formula column).</param>
/// <param name="Limit">The seeded subsample size asked for, or null for every distinct row.</param>
/// <param name="Candidates">The candidates and their features (also in <see cref="Optimization.Proposals.ProposerSettings.Pool"/>).</param>
public sealed record CandidatePoolDefinition(
    string Path,
    string? FormulaColumn,
    IReadOnlyList<string> Inputs,
    int? Limit,
    CandidatePool Candidates)
{
    /// <summary>The pool's <c>prior_model</c>, or null without one.</summary>
    public PoolPriorModelDefinition? PriorModel { get; init; }

    /// <summary>
    /// The prior model's prediction of each candidate when it is used as the prior mean (also in
    /// <see cref="Optimization.Proposals.ProposerSettings.PriorMean"/>), or null.
    /// </summary>
    public PoolPriorMean? PriorMean { get; init; }

    /// <summary>The experiment parameters each candidate sets: the formula column, or the inputs.</summary>
    public IReadOnlyList<string> ParameterNames => FormulaColumn is null ? Inputs : [FormulaColumn];
}
