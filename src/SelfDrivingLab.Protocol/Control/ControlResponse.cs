namespace SelfDrivingLab.Protocol.Control;

/// <summary>The orchestrator's answer to a <see cref="ControlRequest"/>. Immutable.</summary>
/// <param name="RequestId">The request answered.</param>
/// <param name="Ok">True when the request was carried out.</param>
/// <param name="Message">What happened, or what was wrong with the request.</param>
/// <param name="Campaigns">Running campaigns (status requests).</param>
/// <param name="Pending">Proposals waiting for approval (status requests).</param>
/// <param name="Quarantined">Instruments out of service (status requests).</param>
/// <param name="AwaitingAdmission">Instruments that offered a needed capability but are not admitted (status requests).</param>
public sealed record ControlResponse(
    string RequestId,
    bool Ok,
    string Message,
    IReadOnlyList<ControlCampaignState>? Campaigns = null,
    IReadOnlyList<ControlPendingApproval>? Pending = null,
    IReadOnlyList<ControlQuarantinedInstrument>? Quarantined = null,
    IReadOnlyList<ControlInstrumentAwaitingAdmission>? AwaitingAdmission = null);

/// <summary>One running campaign in a status answer.</summary>
public sealed record ControlCampaignState(string Campaign, string Name, string State, int Priority, string? ChangedBy, string? Reason, int PendingApprovals);

/// <summary>One proposal waiting for approval in a status answer.</summary>
public sealed record ControlPendingApproval(string Experiment, string Campaign, IReadOnlyDictionary<string, string> Parameters, string Why, DateTimeOffset Since);

/// <summary>One quarantined instrument in a status answer.</summary>
public sealed record ControlQuarantinedInstrument(string Site, string Instrument, string Reason, DateTimeOffset Since);

/// <summary>One instrument waiting for an operator's admission in a status answer.</summary>
public sealed record ControlInstrumentAwaitingAdmission(string Site, string Instrument, IReadOnlyList<string> Announced, string Reason, DateTimeOffset Since);
