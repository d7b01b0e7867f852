namespace SelfDrivingLab.Campaigns;

/// <summary>One problem found in a campaign file. Immutable.</summary>
/// <param name="Path">Where, as keys and list indexes, e.g. <c>workflow[1].deadline</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
/// <param name="Line">1-based line in the file, when known.</param>
/// <param name="Column">1-based column on <paramref name="Line"/>, when it matters (YAML syntax errors).</param>
public sealed record DefinitionError(string Path, string Message, int? Line, int? Column = null)
{
    /// <summary>
    /// E.g. <c>line 14 workflow[1].deadline: '3x' is not a duration (use e.g. 90s, 15m, 2h)</c>, or
    /// <c>line 2, column 9: not valid YAML: …</c>.
    /// </summary>
    public override string ToString()
    {
        var at = Line is null ? null : Column is { } column ? $"line {Line}, column {column}" : $"line {Line}";
        var where = (at, Path) switch
        {
            (null, "") => string.Empty,
            (null, _) => Path + ": ",
            (_, "") => at + ": ",
            _ => $"{at} {Path}: ",
        };
        return where + Message;
    }
}
