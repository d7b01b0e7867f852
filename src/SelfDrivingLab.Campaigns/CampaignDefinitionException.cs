namespace SelfDrivingLab.Campaigns;

/// <summary>A campaign file is broken; <see cref="Errors"/> lists every problem found in one pass.</summary>
public sealed class CampaignDefinitionException : Exception
{
    /// <summary>Creates the exception with no listed errors.</summary>
    public CampaignDefinitionException()
        : this("The campaign definition is invalid.")
    {
    }

    /// <summary>Creates the exception with a message and no listed errors.</summary>
    public CampaignDefinitionException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message, a cause and no listed errors.</summary>
    public CampaignDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>
    /// Creates the exception for <paramref name="fileName"/>; the message lists every error, e.g.
    /// <c>quickstart.yaml: 2 problems:</c> followed by one indented line per error.
    /// </summary>
    public CampaignDefinitionException(string fileName, IReadOnlyList<DefinitionError> errors)
        : base(FormatMessage(fileName, errors))
    {
        FileName = fileName;
        Errors = errors;
    }

    /// <summary>The file's name (or <c>campaign</c> for text without a file).</summary>
    public string? FileName { get; }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<DefinitionError> Errors { get; }

    private static string FormatMessage(string fileName, IReadOnlyList<DefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count == 1 ? "1 problem" : $"{errors.Count} problems";
        return $"{fileName}: {count}:" + string.Concat(errors.Select(e => "\n  " + e));
    }
}
