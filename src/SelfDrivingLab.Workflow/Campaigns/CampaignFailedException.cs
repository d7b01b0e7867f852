namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>A campaign stopped because of a problem it cannot work around (e.g. no instrument offers a capability).</summary>
public sealed class CampaignFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CampaignFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CampaignFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CampaignFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
