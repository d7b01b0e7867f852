using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// Puts one <see cref="IInstrumentDriver"/> on the bus: announces retained capabilities and
/// availability (offline as the last will), takes commands from its command topic, executes each
/// command id at most once and publishes its events. Thread-safe; start once, then stop or dispose.
/// </summary>
public sealed class InstrumentHost : IAsyncDisposable
{
    private readonly IMessageBusFactory _busFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InstrumentMetrics _metrics;
    private readonly CommandProcessor _processor;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly IConnectionDropper? _connectionDropper;
    private readonly FileCommandJournal? _ownedJournal;
    private IMessageBusConnection? _connection;
    private IAsyncDisposable? _commandSubscription;
    private bool _stopped;
    private int _disposed;

    /// <summary>Builds a host after validating <paramref name="options"/> and the driver's capabilities.</summary>
    /// <param name="options">Site, instrument id and journal size.</param>
    /// <param name="driver">The instrument's driver.</param>
    /// <param name="busFactory">Opens the bus connection.</param>
    /// <param name="timeProvider">Clock for deadlines and event times (default system clock).</param>
    /// <param name="logger">Logger (default none).</param>
    /// <param name="journal">
    /// Command-id memory (default a <see cref="FileCommandJournal"/> in <see cref="InstrumentHostOptions.JournalDirectory"/>
    /// when set, otherwise a <see cref="BoundedCommandJournal"/>; both keep <see cref="InstrumentHostOptions.JournalCapacity"/> ids).
    /// </param>
    /// <param name="executionLog">Where each driver call is recorded (default nowhere).</param>
    /// <param name="meterFactory">Creates the <c>SelfDrivingLab</c> meter (default a meter owned by the host).</param>
    /// <param name="faultInjector">Injects faults into commands for testing (default none).</param>
    /// <param name="connectionDropper">Cuts the connection abruptly for <see cref="DropConnectionAsync"/> and disconnect faults (default none).</param>
    public InstrumentHost(
        InstrumentHostOptions options,
        IInstrumentDriver driver,
        IMessageBusFactory busFactory,
        TimeProvider? timeProvider = null,
        ILogger<InstrumentHost>? logger = null,
        ICommandJournal? journal = null,
        IExecutionLog? executionLog = null,
        IMeterFactory? meterFactory = null,
        IFaultInjector? faultInjector = null,
        IConnectionDropper? connectionDropper = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(busFactory);
        options.Validate();
        Site = new SiteId(options.Site);
        Instrument = new InstrumentId(options.Instrument);
        Topics = new InstrumentTopics(Site, Instrument);
        var described = CheckCapabilities(driver.Describe(Instrument), Instrument);
        _busFactory = busFactory;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _metrics = new InstrumentMetrics(Instrument, meterFactory);
        if (journal is null && options.JournalDirectory is { } journalDirectory)
        {
            _ownedJournal = FileCommandJournal.Open(JournalFile(journalDirectory, Site, Instrument), options.JournalCapacity, _time, _logger);
            journal = _ownedJournal;
        }

        journal ??= new BoundedCommandJournal(options.JournalCapacity);

        // What the orchestrator needs to re-send safely (protocol.md section 6): whether ids survive a restart, and
        // an id of this run, new at every start, so it can tell that this run still remembers what it received.
        Capabilities = described with { DurableCommandIds = journal.IsDurable, InstanceId = Guid.NewGuid().ToString("N") };
        _processor = new CommandProcessor(
            Capabilities,
            driver,
            journal,
            executionLog,
            _time,
            _logger,
            _metrics,
            PublishEventAsync,
            faultInjector,
            connectionDropper is null ? null : DropConnectionAsync);
        _connectionDropper = connectionDropper;
    }

    /// <summary>The site.</summary>
    public SiteId Site { get; }

    /// <summary>The instrument.</summary>
    public InstrumentId Instrument { get; }

    /// <summary>The instrument's topics.</summary>
    public InstrumentTopics Topics { get; }

    /// <summary>What the driver offers, as announced (with the host's <see cref="InstrumentCapabilities.DurableCommandIds"/> and <see cref="InstrumentCapabilities.InstanceId"/>).</summary>
    public InstrumentCapabilities Capabilities { get; }

    /// <summary>The MQTT client id: <c>sdl-instrument-{site}-{instrument}</c>. The connection acts as the broker identity named like the instrument.</summary>
    public string ClientId => $"sdl-instrument-{Site}-{Instrument}";

    /// <summary>Commands whose driver call is running right now.</summary>
    public int RunningCommands => _processor.RunningCount;

    /// <summary>Connects, subscribes to the command topic and announces the instrument online.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_connection is not null)
            {
                throw new InvalidOperationException($"Instrument host {Instrument} is already started.");
            }

            var will = new OutboundMessage(Topics.Availability, ProtocolJson.Serialize(new InstrumentAvailability(Instrument, AvailabilityState.Offline, null)), Retain: true);
            var connection = await _busFactory.ConnectAsync(new MessageBusConnectionOptions(ClientId, will, OnReconnectedAsync, Identity: Instrument.Value), cancellationToken).ConfigureAwait(false);
            _connection = connection;
            _commandSubscription = await connection.SubscribeAsync(Topics.Command, _processor.HandleAsync, cancellationToken).ConfigureAwait(false);

            // Announce only once commands can be received; reconnects announce again via OnConnected.
            await PublishPresenceAsync(connection, cancellationToken).ConfigureAwait(false);
            Log.Online(_logger, Instrument, Site, ClientId);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops taking commands, aborts running actions (waiting for their final events, bounded by
    /// <paramref name="cancellationToken"/>), announces offline and disconnects.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            if (_commandSubscription is not null)
            {
                await _commandSubscription.DisposeAsync().ConfigureAwait(false);
            }

            await _processor.StopAsync(cancellationToken).ConfigureAwait(false);
            if (_connection is not null)
            {
                // A clean disconnect does not fire the last will, so say offline ourselves. When the
                // connection is already lost the broker has published the will instead.
                if (_connection.IsConnected)
                {
                    var offline = new InstrumentAvailability(Instrument, AvailabilityState.Offline, _time.GetUtcNow());
                    await _connection.PublishAsync(new OutboundMessage(Topics.Availability, ProtocolJson.Serialize(offline), Retain: true), cancellationToken).ConfigureAwait(false);
                }

                await _connection.DisposeAsync().ConfigureAwait(false);
                Log.Offline(_logger, Instrument);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Drops the bus connection abruptly, as a network failure would: the broker publishes the offline
    /// last will and the transport reconnects (announcing online again). Running actions continue; their
    /// events are published once reconnected. False when no <see cref="IConnectionDropper"/> was given
    /// or the host is not connected.
    /// </summary>
    public async ValueTask<bool> DropConnectionAsync(CancellationToken cancellationToken = default) =>
        _connectionDropper is not null && Volatile.Read(ref _connection) is not null
        && await _connectionDropper.DropAsync(ClientId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _processor.Dispose();
        _ownedJournal?.Dispose();
        _metrics.Dispose();
        _lifecycle.Dispose();
    }

    /// <summary>The durable journal file of <paramref name="instrument"/> at <paramref name="site"/> in <paramref name="directory"/>.</summary>
    public static string JournalFile(string directory, SiteId site, InstrumentId instrument) =>
        System.IO.Path.Combine(directory, $"{site}.{instrument}.journal.jsonl");

    private static InstrumentCapabilities CheckCapabilities(InstrumentCapabilities capabilities, InstrumentId instrument)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        if (capabilities.Instrument != instrument)
        {
            throw new ArgumentException($"The driver described instrument '{capabilities.Instrument}', not '{instrument}'.", nameof(capabilities));
        }

        if (capabilities.Channels < 1)
        {
            throw new ArgumentException($"Instrument '{instrument}' must have at least one channel (got {capabilities.Channels}).", nameof(capabilities));
        }

        var duplicate = capabilities.Capabilities.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Instrument '{instrument}' offers action '{duplicate.Key}' twice.", nameof(capabilities));
        }

        // What the orchestrator's reader would refuse must not be announced.
        foreach (var action in capabilities.Capabilities)
        {
            if (action.Parameters.Select(ParameterLimits.FindDeclarationProblem).FirstOrDefault(p => p is not null) is { } problem)
            {
                throw new ArgumentException($"Instrument '{instrument}' action '{action.Name}': {problem}.", nameof(capabilities));
            }
        }

        return capabilities;
    }

    private ValueTask OnReconnectedAsync(IMessageBus bus, CancellationToken cancellationToken) =>
        Volatile.Read(ref _commandSubscription) is null ? ValueTask.CompletedTask : PublishPresenceAsync(bus, cancellationToken);

    private async ValueTask PublishPresenceAsync(IMessageBus bus, CancellationToken cancellationToken)
    {
        await bus.PublishAsync(new OutboundMessage(Topics.Capabilities, ProtocolJson.Serialize(Capabilities), Retain: true), cancellationToken).ConfigureAwait(false);
        var online = new InstrumentAvailability(Instrument, AvailabilityState.Online, _time.GetUtcNow());
        await bus.PublishAsync(new OutboundMessage(Topics.Availability, ProtocolJson.Serialize(online), Retain: true), cancellationToken).ConfigureAwait(false);
    }

    private ValueTask PublishEventAsync(InstrumentEvent instrumentEvent, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException($"Instrument host {Instrument} is not started.");
        return connection.PublishAsync(new OutboundMessage(Topics.Event, ProtocolJson.Serialize(instrumentEvent)), cancellationToken);
    }
}
