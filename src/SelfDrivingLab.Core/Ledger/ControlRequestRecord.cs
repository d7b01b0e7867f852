namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// One operator control request as the audit trail keeps it: who, what, when, why, and what became of it. Immutable.
/// </summary>
/// <param name="At">When the host handled it.</param>
/// <param name="Site">The site whose orchestrator answered.</param>
/// <param name="RequestId">The request's id, as sent.</param>
/// <param name="Operator">The operator the request names (claimed by the sender, not verified).</param>
/// <param name="Action">The protocol's action word (<c>pause</c>, <c>resume</c>, <c>abort</c>, <c>approve</c>, <c>reject</c>, <c>return-to-service</c>).</param>
/// <param name="Target">The campaign, experiment or instrument it names, when any.</param>
/// <param name="Reason">The reason given, when any.</param>
/// <param name="Outcome">Accepted or refused.</param>
/// <param name="Detail">The host's answer.</param>
public sealed record ControlRequestRecord(
    DateTimeOffset At,
    string Site,
    string RequestId,
    string Operator,
    string Action,
    string? Target,
    string? Reason,
    ControlRequestOutcome Outcome,
    string Detail)
{
    /// <summary>The sender's client id (the MQTT client id) when the transport tells it; null otherwise.</summary>
    public string? ClientId { get; init; }

    /// <summary>
    /// The identity the broker authenticated the sender as, once control requests are bound to identities; null while
    /// they are not (then <see cref="Operator"/> is only what the request claims).
    /// </summary>
    public string? Identity { get; init; }
}
