using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>Source-generated log messages of the MQTT transport.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Embedded MQTT broker listening on 127.0.0.1:{Port}")]
    public static partial void EmbeddedBrokerStarted(ILogger logger, int port);

    [LoggerMessage(2, LogLevel.Information, "Embedded MQTT broker on port {Port} stopped")]
    public static partial void EmbeddedBrokerStopped(ILogger logger, int port);

    [LoggerMessage(3, LogLevel.Debug, "Embedded MQTT broker disabled (Mqtt:Embedded is false)")]
    public static partial void EmbeddedBrokerDisabled(ILogger logger);

    [LoggerMessage(10, LogLevel.Information, "MQTT client {ClientId} connected to {Endpoint} ({SubscriptionCount} subscriptions restored)")]
    public static partial void Connected(ILogger logger, string clientId, string endpoint, int subscriptionCount);

    [LoggerMessage(11, LogLevel.Warning, "MQTT client {ClientId} lost its connection ({Reason})")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception, string clientId, string reason);

    [LoggerMessage(12, LogLevel.Warning, "MQTT client {ClientId}: connect attempt {Attempt} failed ({Error}); retrying in {Delay}")]
    public static partial void ConnectAttemptFailed(ILogger logger, string clientId, int attempt, string? error, TimeSpan delay);

    [LoggerMessage(13, LogLevel.Information, "MQTT client {ClientId} disconnected cleanly")]
    public static partial void DisconnectedCleanly(ILogger logger, string clientId);

    [LoggerMessage(14, LogLevel.Error, "MQTT client {ClientId}: the on-connected callback failed")]
    public static partial void OnConnectedFailed(ILogger logger, Exception exception, string clientId);

    [LoggerMessage(15, LogLevel.Debug, "MQTT client {ClientId}: publish to {Topic} interrupted by a disconnect; waiting for the connection to publish again")]
    public static partial void PublishInterrupted(ILogger logger, string clientId, string topic);

    [LoggerMessage(20, LogLevel.Error, "Handler of subscription {TopicFilter} failed on a message on {Topic}; the subscription continues")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string topicFilter, string topic);

    [LoggerMessage(21, LogLevel.Debug, "MQTT client {ClientId}: unsubscribing {TopicFilter} at the broker failed; the filter is no longer dispatched locally")]
    public static partial void UnsubscribeFailed(ILogger logger, Exception exception, string clientId, string topicFilter);

    [LoggerMessage(30, LogLevel.Warning, "Embedded MQTT broker refused client {ClientId}: bad user name or password (user {UserName})")]
    public static partial void ConnectionRefused(ILogger logger, string clientId, string userName);

    [LoggerMessage(31, LogLevel.Warning, "Embedded MQTT broker refused a publish by {UserName} (client {ClientId}) on {Topic}: not authorized")]
    public static partial void PublishRefused(ILogger logger, string userName, string clientId, string topic);

    [LoggerMessage(32, LogLevel.Warning, "Embedded MQTT broker refused a subscription by {UserName} (client {ClientId}) to {TopicFilter}: not authorized")]
    public static partial void SubscriptionRefused(ILogger logger, string userName, string clientId, string topicFilter);
}
