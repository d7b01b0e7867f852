using System.Threading.Channels;
using SelfDrivingLab.Protocol.Client;

namespace SelfDrivingLab.Protocol.Tests.Client;

/// <summary>Keeps every late event it is handed.</summary>
internal sealed class RecordingLateEventSink : ILateEventSink
{
    public Channel<LateInstrumentEvent> Received { get; } = Channel.CreateUnbounded<LateInstrumentEvent>();

    public ValueTask RecordLateEventAsync(LateInstrumentEvent lateEvent, CancellationToken cancellationToken = default) =>
        Received.Writer.WriteAsync(lateEvent, cancellationToken);
}
