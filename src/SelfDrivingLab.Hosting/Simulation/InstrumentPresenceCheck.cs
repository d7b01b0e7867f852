using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Hosting.Simulation;

/// <summary>
/// Before this process puts its simulated instruments on an external broker, checks that no other
/// process already announces one of them online (e.g. <c>sdl simulate</c> running while <c>sdl run</c>
/// forgot <c>--external-instruments</c>). Two MQTT clients with one instrument's client id take the
/// connection from each other in turn, and the host hung; now it refuses to start, naming the instrument.
/// </summary>
/// <remarks>
/// Presence is the retained availability message (online, or offline as the last will), delivered when
/// this check subscribes. To know all of them have arrived, the check publishes a marker on a topic of
/// the same subscription and waits for it: the broker sends a client's messages in order, and one
/// subscription handles them in order.
/// </remarks>
internal sealed class InstrumentPresenceCheck(IMessageBusFactory factory, FacilityDefinition facility, BrokerAddress broker, TimeProvider time) : IHostedService
{
    /// <summary>How long the broker gets to echo the marker.</summary>
    public static readonly TimeSpan EchoTimeout = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ours = facility.Simulators.Select(s => s.Id).ToHashSet();
        var clientId = $"sdl-presence-check-{facility.Site}-{Environment.ProcessId}";
        var marker = $"{InstrumentTopics.Root}/{facility.Site}/presence-check/{clientId}";
        var online = new HashSet<InstrumentId>();
        var echoed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        ValueTask OnMessage(InboundMessage message, CancellationToken ct)
        {
            if (message.Topic == marker)
            {
                echoed.TrySetResult();
            }
            else if (InstrumentTopics.TryParse(message.Topic, out var topics, out var leaf) && leaf == "availability" && ours.Contains(topics!.Instrument))
            {
                // An empty retained message deletes the presence; anything unreadable is not a claim to be online.
                var isOnline = ProtocolReader.TryDecodeAvailability(message.Payload.Span, out var availability, out _) && availability?.State == AvailabilityState.Online;
                _ = isOnline ? online.Add(topics.Instrument) : online.Remove(topics.Instrument);
            }

            return ValueTask.CompletedTask;
        }

        var connection = await factory.ConnectAsync(new MessageBusConnectionOptions(clientId), cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var subscription = await connection.SubscribeAsync($"{InstrumentTopics.Root}/{facility.Site}/#", OnMessage, cancellationToken).ConfigureAwait(false);
            await using (subscription.ConfigureAwait(false))
            {
                await connection.PublishAsync(new OutboundMessage(marker, ReadOnlyMemory<byte>.Empty, Retain: false), cancellationToken).ConfigureAwait(false);
                try
                {
                    await echoed.Task.WaitAsync(EchoTimeout, time, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException ex)
                {
                    throw new CampaignHostException($"could not check which instruments are online: the broker at {broker.Host}:{broker.Port} did not deliver a test message within {EchoTimeout.TotalSeconds} s.", ex);
                }
            }
        }

        // The handler ran for the last time before the marker completed the wait.
        if (online.Count > 0)
        {
            var names = string.Join(", ", online.Select(i => $"'{i}'").Order(StringComparer.Ordinal));
            throw new CampaignHostException(
                $"instrument {names} of site '{facility.Site}' is already online on the broker at {broker.Host}:{broker.Port}: another process " +
                "(sdl simulate, or another sdl run) announces it. To use the instruments that process runs, start the orchestrator with --external-instruments (sdl run ... --real-time --external-instruments); otherwise stop that process first.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
