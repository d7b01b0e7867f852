namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Where the parts of a definition were written, so that a problem naming several of them can quote each as its
/// author wrote it and say where (a campaign file: its text and lines). Without a source, problems describe the
/// definition's own values and locate them by path. Implementations are thread-safe when used by one validation.
/// </summary>
public interface IDefinitionSource
{
    /// <summary>The text written at <paramref name="path"/> (e.g. a constraint as typed), or null to describe the value itself.</summary>
    string? TextAt(string path);

    /// <summary>The 1-based line of <paramref name="path"/>, or null when unknown.</summary>
    int? LineOf(string path);
}
