using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Transport.Mqtt;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>Sends one operator request to a running host and waits for its answer (what <c>sdl control</c> uses).</summary>
public static class ControlClient
{
    /// <summary>
    /// Sends <paramref name="request"/> to the orchestrator of <paramref name="endpoint"/>'s site and
    /// returns its answer; throws <see cref="CampaignHostException"/> when the broker is unreachable or
    /// no answer comes within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ControlResponse> SendAsync(ControlEndpoint endpoint, ControlRequest request, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var options = new MqttOptions
        {
            Embedded = false,
            Host = endpoint.Host,
            Port = endpoint.Port,
            ConnectTimeout = timeout,
            SessionExpiry = TimeSpan.FromMinutes(1),
        };
        var factory = new MqttMessageBusFactory(options, time, NullLoggerFactory.Instance, NoWorkTracker.Instance);
        var topics = new ControlTopics(endpoint.SiteId);
        var answer = new TaskCompletionSource<ControlResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var connected = false;
        try
        {
            var clientId = string.Create(CultureInfo.InvariantCulture, $"sdl-control-{request.RequestId}");
            var connection = await factory.ConnectAsync(new MessageBusConnectionOptions(clientId), deadline.Token).ConfigureAwait(false);
            connected = true;
            await using var disconnect = connection.ConfigureAwait(false);
            var subscription = await connection.SubscribeAsync(
                topics.Response(request.RequestId),
                (message, _) =>
                {
                    if (ControlReader.TryReadResponse(message.Payload.Span, out var response, out var _) && response!.RequestId == request.RequestId)
                    {
                        answer.TrySetResult(response);
                    }

                    return ValueTask.CompletedTask;
                },
                deadline.Token).ConfigureAwait(false);
            await using var unsubscribe = subscription.ConfigureAwait(false);
            await connection.PublishAsync(new OutboundMessage(topics.Request, ProtocolJson.Serialize(request)), deadline.Token).ConfigureAwait(false);
            return await answer.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !connected)
        {
            throw new CampaignHostException($"could not connect to the broker at {endpoint.Host}:{endpoint.Port} within {timeout}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CampaignHostException($"no answer from the orchestrator of site '{endpoint.Site}' at {endpoint.Host}:{endpoint.Port} within {timeout}");
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            throw new CampaignHostException($"could not reach the broker at {endpoint.Host}:{endpoint.Port}: {ex.Message}", ex);
        }
    }
}
