namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>One difference between a stored campaign definition and the one given now. Immutable.</summary>
/// <param name="Path">What changed, in the campaign file's words, e.g. <c>space.theta.high</c> or <c>workflow[1].deadline</c>.</param>
/// <param name="Before">The stored value, or null when it was added.</param>
/// <param name="After">The value now, or null when it was removed.</param>
public sealed record DefinitionChange(string Path, string? Before, string? After)
{
    /// <summary>E.g. <c>space.theta.high: 200 → 250</c>, <c>workflow[2]: added</c>, <c>constraints[0]: removed (was 1*x &lt;= 1)</c>.</summary>
    public override string ToString() => (Before, After) switch
    {
        (null, null) => $"{Path}: changed",
        (null, _) when After.Length == 0 => $"{Path}: added",
        (null, _) => $"{Path}: added ({After})",
        (_, null) when Before.Length == 0 => $"{Path}: removed",
        (_, null) => $"{Path}: removed (was {Before})",
        _ => $"{Path}: {Before} → {After}",
    };
}
