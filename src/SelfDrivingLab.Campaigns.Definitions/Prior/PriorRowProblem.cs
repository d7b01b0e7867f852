namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>What is wrong with one prior row. Immutable.</summary>
/// <param name="Index">The row's index in <see cref="PriorDataDefinition.Rows"/>.</param>
/// <param name="Line">Its line in the table, when known.</param>
/// <param name="Message">What is wrong, naming the column, e.g. <c>parameter 'theta' = 250 is outside [0, 200]</c>.</param>
/// <param name="Outside">
/// Whether the row lies outside the space or pool (ignored under <see cref="PriorOutsidePolicy.Ignore"/>); otherwise the
/// row is unusable (an objective's value missing or not a number) and the campaign is invalid either way.
/// </param>
public sealed record PriorRowProblem(int Index, int? Line, string Message, bool Outside)
{
    /// <summary>E.g. <c>line 7: parameter 'theta' = 250 is outside [0, 200]</c>.</summary>
    public override string ToString() => Line is { } line ? $"line {line}: {Message}" : $"row {Index + 1}: {Message}";
}
