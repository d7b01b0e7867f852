using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Transport.Mqtt;
using SelfDrivingLab.Transport.Mqtt.Security;
using Microsoft.Extensions.Configuration;

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
        var options = OperatorOptions(endpoint);
        options.Embedded = false;
        options.Host = endpoint.Host;
        options.Port = endpoint.Port;
        options.ConnectTimeout = timeout;
        options.SessionExpiry = TimeSpan.FromMinutes(1);
        // The broker lets an identity send only on its own request topic; on a broker without accounts the operator names itself.
        var identity = options.Username ?? request.Operator;
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
            await connection.PublishAsync(new OutboundMessage(topics.RequestFrom(identity), ProtocolJson.Serialize(request)), deadline.Token).ConfigureAwait(false);
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
        catch (MessageBusUnavailableException ex)
        {
            throw new CampaignHostException(ex.Message, ex);
        }
    }

    /// <summary>
    /// The operator's credentials and TLS settings: the endpoint's credentials file (a local run's embedded broker), or
    /// the <c>Mqtt</c> configuration from the environment (<c>Mqtt__Username</c>, <c>Mqtt__Password</c> or
    /// <c>Mqtt__PasswordFile</c>, <c>Mqtt__CaFile</c>, …).
    /// </summary>
    private static MqttOptions OperatorOptions(ControlEndpoint endpoint)
    {
        var options = new MqttOptions();
        try
        {
            SdlConfiguration.Load().GetSection(MqttOptions.SectionName).Bind(options);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException)
        {
            throw new CampaignHostException($"the Mqtt configuration: {ex.Message}", ex);
        }

        if (endpoint.CredentialsFile is { } file)
        {
            BrokerCredentials credentials;
            try
            {
                credentials = BrokerCredentials.Read(file);
            }
            catch (InvalidDataException ex)
            {
                throw new CampaignHostException(ex.Message, ex);
            }

            options.Username = credentials.UserNames[0];
            options.Password = credentials.PasswordOf(options.Username);
            options.PasswordFile = null;
        }

        if (endpoint.Tls)
        {
            options.Tls = true;
            options.CaFile ??= endpoint.CaFile;
        }

        return options;
    }
}
