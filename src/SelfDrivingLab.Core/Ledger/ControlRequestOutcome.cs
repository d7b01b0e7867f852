namespace SelfDrivingLab.Core.Ledger;

/// <summary>What became of an operator's control request.</summary>
public enum ControlRequestOutcome
{
    /// <summary>Carried out (or already so: pausing a paused campaign).</summary>
    Accepted,

    /// <summary>Refused (unknown campaign or experiment, nothing waiting, not permitted); nothing changed.</summary>
    Refused,
}
