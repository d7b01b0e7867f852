namespace SelfDrivingLab.Cli;

/// <summary>Process exit codes of <c>sdl</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The campaign ran but failed, was aborted, or stopped on an error while running (e.g. a full disk).</summary>
    public const int CampaignFailed = 1;

    /// <summary>
    /// Bad input, found before anything ran: a broken or oversized campaign file, a bad option, an output
    /// path that cannot be written, a missing, damaged or unwritable ledger, a broker that cannot be
    /// reached or refuses the client, an instrument id another process already announces.
    /// </summary>
    public const int BadInput = 2;
}
