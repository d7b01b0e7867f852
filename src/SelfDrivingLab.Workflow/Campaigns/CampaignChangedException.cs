using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>
/// A running campaign of the same name is in the ledger with a definition that differs in what defines it, and the
/// changes were not accepted; nothing was written (<see cref="CampaignResumePlan"/>).
/// </summary>
public sealed class CampaignChangedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CampaignChangedException()
    {
        Changes = [];
    }

    /// <summary>Creates the exception with a message.</summary>
    public CampaignChangedException(string message)
        : base(message)
    {
        Changes = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public CampaignChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Changes = [];
    }

    /// <summary>Creates the exception with a message naming <paramref name="changes"/>.</summary>
    public CampaignChangedException(string message, IReadOnlyList<DefinitionChange> changes)
        : base(message)
    {
        Changes = changes;
    }

    /// <summary>What changed.</summary>
    public IReadOnlyList<DefinitionChange> Changes { get; }
}
