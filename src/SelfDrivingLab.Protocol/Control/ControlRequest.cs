namespace SelfDrivingLab.Protocol.Control;

/// <summary>An operator's request to a running orchestrator (<c>sdl/v1/control/{site}/request</c>). Immutable.</summary>
/// <param name="RequestId">Chosen by the requester; the answer comes on <c>…/response/{request_id}</c>. Id rules apply.</param>
/// <param name="Action">What to do.</param>
/// <param name="Operator">Who asks (stored with the decision).</param>
/// <param name="Target">Campaign id or name (pause, resume, abort), experiment id (approve, reject), or instrument id (return_to_service, admit).</param>
/// <param name="Reason">Why, for the record.</param>
public sealed record ControlRequest(string RequestId, ControlAction Action, string Operator, string? Target = null, string? Reason = null);
