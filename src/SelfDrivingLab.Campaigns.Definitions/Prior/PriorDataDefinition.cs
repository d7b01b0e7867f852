namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// A campaign's <c>prior</c>: earlier measurements that train the model from the first proposal on. They are stored in
/// the ledger as the campaign's prior data, never as its experiments (the budget counts only new experiments), and the
/// initial design shrinks by the rows the model uses (<c>ProposerSettings.WithPrior</c>). Which rows are used, and what
/// is wrong with the others, is <see cref="PriorDataCheck"/>'s answer. Immutable.
/// </summary>
/// <param name="Path">Full path of the CSV table (not part of the campaign's identity; its rows are).</param>
/// <param name="Rows">The rows, in table order.</param>
public sealed record PriorDataDefinition(string Path, IReadOnlyList<PriorRow> Rows)
{
    /// <summary>Most rows a prior table may have (the model's cost grows with the cube of its data).</summary>
    public const int MaxRows = 10_000;

    /// <summary>What to do with a row outside the space or pool (default <see cref="PriorOutsidePolicy.Error"/>).</summary>
    public PriorOutsidePolicy Outside { get; init; } = PriorOutsidePolicy.Error;
}
