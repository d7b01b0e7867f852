namespace SelfDrivingLab.Hosting;

/// <summary>The host could not run the campaign (broker unreachable, ledger unusable, bad settings).</summary>
public sealed class CampaignHostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CampaignHostException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CampaignHostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CampaignHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True when the host failed before any campaign ran (bad settings, an unusable ledger, a broker it
    /// cannot reach or that refuses it, an instrument id already online): nothing was run or recorded.
    /// </summary>
    public bool IsStartupFailure { get; init; }
}
