using MQTTnet;
using MQTTnet.Exceptions;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>The broker answered CONNECT with a failure reason code.</summary>
internal sealed class BrokerRefusedConnectionException : MqttCommunicationException
{
    public BrokerRefusedConnectionException(string clientId, MqttClientConnectResultCode code, string? reason)
        : base($"The broker refused the connection of '{clientId}': {code} {reason}.")
    {
        Code = code;
        Reason = reason;
    }

    public MqttClientConnectResultCode Code { get; }

    public string? Reason { get; }

    /// <summary>
    /// True when trying again cannot help: the broker refused these credentials or this client, or does not
    /// speak this protocol. A busy or unavailable broker, or an unspecified error, may accept a later attempt.
    /// </summary>
    public bool IsPermanent => Code is not (
        MqttClientConnectResultCode.ServerUnavailable
        or MqttClientConnectResultCode.ServerBusy
        or MqttClientConnectResultCode.QuotaExceeded
        or MqttClientConnectResultCode.ConnectionRateExceeded
        or MqttClientConnectResultCode.UnspecifiedError
        or MqttClientConnectResultCode.ImplementationSpecificError);

    /// <summary>The reason code in words, e.g. "not authorized (check Mqtt:Username and Mqtt:Password)".</summary>
    public string Describe()
    {
        var words = Code switch
        {
            MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.BadAuthenticationMethod =>
                $"{Code} (check the credentials: Mqtt:Username and Mqtt:Password, e.g. the environment variables Mqtt__Username and Mqtt__Password)",
            _ => Code.ToString(),
        };
        return string.IsNullOrWhiteSpace(Reason) ? words : $"{words}: {Reason}";
    }
}
