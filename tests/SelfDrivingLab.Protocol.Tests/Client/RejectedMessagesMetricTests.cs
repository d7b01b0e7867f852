using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Tests.Client;

public sealed class RejectedMessagesMetricTests
{
    [Fact]
    public async Task ExecuteAsync_InvalidEvent_IncrementsCounterWithReasonTag()
    {
        var reasons = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "SelfDrivingLab" && instrument.Name == "sdl.protocol.rejected_messages")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason" && value == 1)
                {
                    reasons.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();
        await using var h = await CommandClientHarness.StartAsync();

        var execution = h.Client.ExecuteAsync(h.Instrument.Topics, h.NewCommand());
        var received = await h.Instrument.NextCommandAsync();
        await h.Instrument.SendRawAsync(h.Instrument.Topics.Event, "[]");
        await h.Instrument.SendAsync(h.Instrument.Event(InstrumentEventKind.Completed, received.CommandId, ParameterSet.Empty));
        await execution.WaitAsync(LiveBus.Bound);

        // Other tests may count too (the meter is process-wide), so look for this test's reason only.
        Assert.Contains(RejectReasons.InvalidPayload, reasons);
    }
}
