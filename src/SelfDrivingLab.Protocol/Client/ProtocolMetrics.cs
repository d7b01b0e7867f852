using System.Diagnostics.Metrics;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>Metrics of the protocol layer, under the shared <c>SelfDrivingLab</c> meter. Thread-safe.</summary>
internal static class ProtocolMetrics
{
    public const string MeterName = "SelfDrivingLab";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> RejectedMessages = Meter.CreateCounter<long>(
        "sdl.protocol.rejected_messages",
        unit: "{message}",
        description: "Inbound protocol messages dropped as invalid, unexpected or duplicate, by reason.");

    private static readonly Counter<long> LateEvents = Meter.CreateCounter<long>(
        "sdl.protocol.late_events",
        unit: "{event}",
        description: "Final events that arrived after the orchestrator gave up on their command; recorded as late, never applied.");

    public static void Late() => LateEvents.Add(1);

    public static void Rejected(string reason) => RejectedMessages.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
