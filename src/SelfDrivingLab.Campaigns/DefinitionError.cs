namespace SelfDrivingLab.Campaigns;

/// <summary>One problem found in a campaign file. Immutable.</summary>
/// <param name="Path">Where, as keys and list indexes, e.g. <c>workflow[1].deadline</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
/// <param name="Line">1-based line in the file, when known.</param>
public sealed record DefinitionError(string Path, string Message, int? Line)
{
    /// <summary>E.g. <c>line 14 workflow[1].deadline: '3x' is not a duration (use e.g. 90s, 15m, 2h)</c>.</summary>
    public override string ToString()
    {
        var where = (Line, Path) switch
        {
            (null, "") => string.Empty,
            (null, _) => Path + ": ",
            (_, "") => $"line {Line}: ",
            _ => $"line {Line} {Path}: ",
        };
        return where + Message;
    }
}
