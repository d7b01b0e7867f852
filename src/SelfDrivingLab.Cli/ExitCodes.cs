namespace SelfDrivingLab.Cli;

/// <summary>Process exit codes of <c>sdl</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The campaign ran but failed or was aborted.</summary>
    public const int CampaignFailed = 1;

    /// <summary>Bad input: a broken campaign file, a missing ledger, a bad option.</summary>
    public const int BadInput = 2;
}
