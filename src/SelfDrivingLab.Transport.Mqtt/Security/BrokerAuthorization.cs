using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Transport.Mqtt.Security;

/// <summary>
/// The embedded broker's checks, as MQTTnet interceptors: a connection must authenticate as a known identity; a
/// publish (the last will included) or subscription outside the identity's grants is refused with "not authorized"
/// and logged at warning. Thread-safe (stateless beyond the immutable access).
/// </summary>
internal sealed class BrokerAuthorization(EmbeddedBrokerAccess access, ILogger logger)
{
    public void Attach(MqttServer server)
    {
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs args)
    {
        if (!access.Credentials.Verify(args.UserName, args.Password))
        {
            args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            Log.ConnectionRefused(logger, LogText.Escape(args.ClientId), LogText.Escape(args.UserName ?? "(anonymous)"));
        }

        return Task.CompletedTask;
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs args)
    {
        var topic = args.ApplicationMessage.Topic;
        if (!access.CanPublish(args.UserName, topic))
        {
            args.ProcessPublish = false;
            args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            Log.PublishRefused(logger, LogText.Escape(args.UserName ?? "(anonymous)"), LogText.Escape(args.ClientId), LogText.Escape(topic));
        }

        return Task.CompletedTask;
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        var filter = args.TopicFilter.Topic;
        if (!access.CanSubscribe(args.UserName, filter))
        {
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            Log.SubscriptionRefused(logger, LogText.Escape(args.UserName ?? "(anonymous)"), LogText.Escape(args.ClientId), LogText.Escape(filter));
        }

        return Task.CompletedTask;
    }
}
