namespace SelfDrivingLab.Protocol.Control;

/// <summary>What an operator asks of a running orchestrator.</summary>
public enum ControlAction
{
    /// <summary>Report campaigns, pending approvals and quarantined instruments.</summary>
    Status,

    /// <summary>Pause a campaign: in-flight steps finish, nothing new is dispatched.</summary>
    Pause,

    /// <summary>Resume a paused campaign.</summary>
    Resume,

    /// <summary>Abort a campaign: instruments receive an abort for their in-flight commands.</summary>
    Abort,

    /// <summary>Approve a proposal waiting at the approval gate.</summary>
    Approve,

    /// <summary>Reject a proposal waiting at the approval gate.</summary>
    Reject,

    /// <summary>Return a quarantined instrument to service.</summary>
    ReturnToService,

    /// <summary>Admit an instrument that is not registered, or announces capabilities outside what it was admitted for, for what it announces now.</summary>
    Admit,
}
