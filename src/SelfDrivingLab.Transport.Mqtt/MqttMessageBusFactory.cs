using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>
/// Opens MQTT 5 connections (QoS 1, persistent sessions, retained last will) to the configured
/// broker; each connection reconnects and resubscribes on its own. Thread-safe.
/// </summary>
public sealed class MqttMessageBusFactory : IMessageBusFactory
{
    private readonly MqttOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IWorkTracker _workTracker;
    private readonly EmbeddedMqttBroker? _embeddedBroker;
    private readonly ClientSecurity _security;

    /// <summary>Creates the factory from the registered services.</summary>
    public MqttMessageBusFactory(IOptions<MqttOptions> options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null, IWorkTracker? workTracker = null, EmbeddedMqttBroker? embeddedBroker = null)
        : this(options.Value, timeProvider, loggerFactory, workTracker, embeddedBroker)
    {
    }

    /// <summary>Creates the factory.</summary>
    /// <param name="options">Broker settings.</param>
    /// <param name="timeProvider">Clock of the reconnect backoff.</param>
    /// <param name="loggerFactory">Logging (default none).</param>
    /// <param name="workTracker">Marks publishes and handler runs as work for a virtual clock (default <see cref="NoWorkTracker"/>).</param>
    /// <param name="embeddedBroker">The in-process broker; required when <see cref="MqttOptions.Embedded"/> is true.</param>
    public MqttMessageBusFactory(MqttOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null, IWorkTracker? workTracker = null, EmbeddedMqttBroker? embeddedBroker = null)
    {
        _options = options;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _workTracker = workTracker ?? NoWorkTracker.Instance;
        _embeddedBroker = embeddedBroker;
        _security = new ClientSecurity(options, embeddedBroker);
        if (options.Embedded && embeddedBroker is null)
        {
            throw new ArgumentException("Mqtt:Embedded is true but no EmbeddedMqttBroker was given; register it with AddSdlMqtt or set Embedded to false.", nameof(embeddedBroker));
        }
    }

    /// <inheritdoc />
    public async ValueTask<IMessageBusConnection> ConnectAsync(MessageBusConnectionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientId, nameof(options));
        var (host, port) = await ResolveEndpointAsync(cancellationToken).ConfigureAwait(false);
        var logger = _loggerFactory.CreateLogger<MqttMessageBusFactory>();
        var connection = new MqttMessageBusConnection(
            new MqttClientFactory().CreateMqttClient(),
            BuildClientOptions(options, host, port),
            string.Create(CultureInfo.InvariantCulture, $"{(_security.UsesTls ? "mqtts://" : string.Empty)}{host}:{port}"),
            options,
            ReconnectPipeline.Create(_options, options.ClientId, _timeProvider, logger),
            _workTracker,
            logger);
        try
        {
            await connection.ConnectFirstAsync(_options.StartupConnectTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask<(string Host, int Port)> ResolveEndpointAsync(CancellationToken cancellationToken)
    {
        if (_embeddedBroker is null || !_options.Embedded)
        {
            return (_options.Host, _options.EffectiveExternalPort);
        }

        // The hosted broker may still be starting; its port is only known once it listens.
        var port = await _embeddedBroker.Started.WaitAsync(cancellationToken).ConfigureAwait(false);
        return ("127.0.0.1", port);
    }

    private MqttClientOptions BuildClientOptions(MessageBusConnectionOptions options, string host, int port)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(options.ClientId)
            // Persistent session: the broker keeps subscriptions and queued QoS 1 messages across a drop.
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.ConnectTimeout);

        var (userName, password) = _security.CredentialsFor(options.Identity);
        if (userName is not null)
        {
            builder.WithCredentials(userName, password);
        }

        _security.ApplyTls(builder, host);

        if (options.Will is { } will)
        {
            builder.WithWillTopic(will.Topic)
                .WithWillPayload(will.Payload.ToArray())
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithWillRetain(will.Retain);
        }

        return builder.Build();
    }
}
