namespace SelfDrivingLab.Hosting.Orchestration;

/// <summary>The orchestrator's MQTT client id (stable per site so its persistent session survives restarts).</summary>
/// <param name="ClientId">The client id.</param>
internal sealed record OrchestratorIdentity(string ClientId);
