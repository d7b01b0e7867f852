using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>
/// An in-process MQTT 5 / 3.1.1 broker (MQTTnet) bound to 127.0.0.1 only, with persistent sessions
/// and retained messages kept in memory. It refuses anonymous clients: every identity of its <see cref="Access"/> has a
/// password made for this run, and it enforces the access policy on every publish and subscription. Unless
/// <see cref="MqttOptions.Tls"/> is false it serves TLS only, with a certificate made for this run (<see cref="Certificate"/>),
/// which in-process clients pin. Runs as a hosted service when <see cref="MqttOptions.Embedded"/>
/// is true; tests start and stop it directly. After the first start it always reuses the same port,
/// so stopping and starting again simulates a broker restart. Thread-safe.
/// </summary>
public sealed class EmbeddedMqttBroker : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly MqttOptions _options;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<int> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DeliveryWorkTracker? _deliveries;
    private readonly Lazy<X509Certificate2> _certificate = new(SelfSignedCertificate.Create);
    private MqttServer? _server;
    private int _port;
    private int _disposed;

    /// <summary>Creates the broker from the registered options.</summary>
    public EmbeddedMqttBroker(IOptions<MqttOptions> options, ILogger<EmbeddedMqttBroker>? logger = null, IWorkTracker? workTracker = null, EmbeddedBrokerAccess? access = null)
        : this(options.Value, logger, workTracker, access)
    {
    }

    /// <summary>
    /// Creates the broker; <paramref name="options"/>.Port 0 picks a free ephemeral port. With a
    /// <paramref name="workTracker"/> (a virtual clock), a QoS 1 message queued for a connected client
    /// counts as work until the client acknowledges it. <paramref name="access"/> (default
    /// <see cref="EmbeddedBrokerAccess.Unrestricted"/>) says who may connect and what each identity may do.
    /// </summary>
    public EmbeddedMqttBroker(MqttOptions options, ILogger? logger = null, IWorkTracker? workTracker = null, EmbeddedBrokerAccess? access = null)
    {
        _options = options;
        Access = access ?? EmbeddedBrokerAccess.Unrestricted();
        _logger = logger ?? NullLogger.Instance;
        _port = options.Port;
        _deliveries = workTracker is null or NoWorkTracker ? null : new DeliveryWorkTracker(workTracker);
    }

    /// <summary>Completes with the bound port once the broker has started for the first time.</summary>
    public Task<int> Started => _started.Task;

    /// <summary>The bound TCP port on 127.0.0.1; only valid once <see cref="Started"/> has completed.</summary>
    public int Port => _started.Task.IsCompletedSuccessfully
        ? Volatile.Read(ref _port)
        : throw new InvalidOperationException("The embedded MQTT broker has not started yet; await Started first.");

    /// <summary>Who may connect and what each identity may do.</summary>
    public EmbeddedBrokerAccess Access { get; }

    /// <summary>True when the broker serves TLS only (<see cref="MqttOptions.Tls"/> is not false).</summary>
    public bool UsesTls => _options.Tls != false;

    /// <summary>The per-run server certificate (TLS only); clients trust exactly this certificate.</summary>
    public X509Certificate2 Certificate => UsesTls
        ? _certificate.Value
        : throw new InvalidOperationException("The embedded MQTT broker does not use TLS (Mqtt:Tls is false).");

    /// <summary>True while the broker accepts connections.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    /// <summary>
    /// Starts listening (no-op when already running, or when <see cref="MqttOptions.Embedded"/> is false).
    /// A restart binds the port chosen by the first start.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!_options.Embedded)
        {
            Log.EmbeddedBrokerDisabled(_logger);
            return;
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_server is not null)
            {
                return;
            }

            var serverOptions = BuildServerOptions();
            var server = new MqttServerFactory().CreateMqttServer(serverOptions);
            _deliveries?.Attach(server);
            new BrokerAuthorization(Access, _logger).Attach(server);
            await server.StartAsync().ConfigureAwait(false);

            // MQTTnet writes the OS-chosen port back into the endpoint options when bound to port 0.
            _port = UsesTls ? serverOptions.TlsEndpointOptions.Port : serverOptions.DefaultEndpointOptions.Port;
            _server = server;
            Log.EmbeddedBrokerStarted(_logger, _port);
            _started.TrySetResult(_port);
        }
        finally
        {
            _gate.Release();
        }
    }

    private MqttServerOptions BuildServerOptions()
    {
        var builder = new MqttServerOptionsBuilder().WithPersistentSessions(true);
        if (UsesTls)
        {
            builder.WithoutDefaultEndpoint()
                .WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
                .WithEncryptedEndpointBoundIPV6Address(IPAddress.None)
                .WithEncryptedEndpointPort(_port)
                .WithEncryptionCertificate(_certificate.Value)
                .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13);
        }
        else
        {
            builder.WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                // IPAddress.None disables the IPv6 listener: the broker must only be reachable on 127.0.0.1.
                .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
                .WithDefaultEndpointPort(_port)
                // A restart rebinds a port whose old connections may linger in TIME_WAIT.
                .WithDefaultEndpointReuseAddress();
        }

        var options = builder.Build();
        options.TlsEndpointOptions.ReuseAddress = true;
        return options;
    }

    /// <summary>Stops the broker, dropping every client connection (their last wills are not published).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_server is not { } server)
            {
                return;
            }

            _server = null;
            await server.StopAsync().ConfigureAwait(false);
            server.Dispose();
            _deliveries?.Reset();
            Log.EmbeddedBrokerStopped(_logger, _port);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Drops one client's connection as a network failure would: the broker publishes the client's
    /// last will. Used for fault injection in simulations and tests.
    /// </summary>
    /// <returns>False when no such client is connected.</returns>
    public async Task<bool> DropClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_server is not { } server)
            {
                return false;
            }

            var clients = await server.GetClientsAsync().ConfigureAwait(false);
            if (!clients.Any(c => c.Id == clientId))
            {
                return false;
            }

            // Any reason other than a client's own normal DISCONNECT makes the broker send the will.
            await server.DisconnectClientAsync(clientId, MqttDisconnectReasonCode.UnspecifiedError).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Dispose();
    }

    /// <summary>Disposes the broker without waiting for clients to be told (prefer <see cref="DisposeAsync"/>).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _server, null)?.Dispose();
        if (_certificate.IsValueCreated)
        {
            _certificate.Value.Dispose();
        }

        _gate.Dispose();
    }
}
