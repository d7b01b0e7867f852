using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Directory;

/// <summary>
/// The live list of instruments, built from the retained availability (with last will) and
/// capabilities topics of every site. Invalid payloads are dropped, logged and counted
/// (<c>sdl.protocol.rejected_messages</c>). Thread-safe.
/// </summary>
public sealed class InstrumentDirectory : IAsyncDisposable
{
    private const string AvailabilityLeaf = "availability";
    private const string CapabilitiesLeaf = "capabilities";

    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<InstrumentTopics, InstrumentInfo> _instruments = [];
    private readonly Dictionary<SiteLinkTopics, bool> _links = [];
    private readonly List<IAsyncDisposable> _subscriptions = [];
    private readonly ChangeSignal _changed;

    /// <summary>Creates an empty directory; call <see cref="StartAsync"/> to fill it.</summary>
    /// <param name="logger">Logging (default none).</param>
    /// <param name="rejections">Tally of dropped messages; pass the command client's to see all inbound drops in one place (default a new one).</param>
    /// <param name="workTracker">Counts each change's hand-over to its waiters as work for a virtual clock (default <see cref="NoWorkTracker"/>).</param>
    public InstrumentDirectory(ILogger<InstrumentDirectory>? logger = null, InboundRejectionCounter? rejections = null, IWorkTracker? workTracker = null)
    {
        _changed = new ChangeSignal(workTracker ?? NoWorkTracker.Instance);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Rejections = rejections ?? new InboundRejectionCounter();
    }

    /// <summary>How many inbound messages were dropped as invalid.</summary>
    public long RejectedMessageCount => Rejections.Total;

    /// <summary>Dropped messages by reason.</summary>
    public InboundRejectionCounter Rejections { get; }

    /// <summary>Completes at the next change to any instrument after it is read (read it before inspecting <see cref="Snapshot"/> to never miss one).</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Next;
            }
        }
    }

    /// <summary>Subscribes to every instrument's availability and capabilities (retained messages arrive at once).</summary>
    public async Task StartAsync(IMessageBus bus, CancellationToken cancellationToken = default)
    {
        _subscriptions.Add(await bus.SubscribeAsync(InstrumentTopics.AllAvailability, OnMessageAsync, cancellationToken).ConfigureAwait(false));
        _subscriptions.Add(await bus.SubscribeAsync(InstrumentTopics.AllCapabilities, OnMessageAsync, cancellationToken).ConfigureAwait(false));
        try
        {
            _subscriptions.Add(await bus.SubscribeAsync(SiteLinkTopics.All, OnLinkMessageAsync, cancellationToken).ConfigureAwait(false));
        }
        catch (InvalidOperationException ex)
        {
            // A broker whose ACL predates site links (written by an older broker-config) refuses it: every site then
            // counts as reachable, as on one broker. Regenerating the broker configuration grants it.
            Log.SiteLinksUnreadable(_logger, ex.Message);
        }
    }

    /// <summary>
    /// Whether the bridge between sites <paramref name="a"/> and <paramref name="b"/> is up, by the latest retained link
    /// notification in either direction (<see cref="SiteLinkTopics"/>); null when none is known (one broker, or no bridge
    /// notifications configured). A change raises <see cref="NextChange"/>.
    /// </summary>
    public bool? LinkBetween(SiteId a, SiteId b)
    {
        lock (_gate)
        {
            return _links.TryGetValue(new SiteLinkTopics(a, b), out var ab) ? ab
                : _links.TryGetValue(new SiteLinkTopics(b, a), out var ba) ? ba
                : null;
        }
    }

    private ValueTask OnLinkMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (!SiteLinkTopics.TryParse(message.Topic, out var link) || link is null)
        {
            Reject(message.Topic, RejectReasons.BadTopic, "not a site link topic");
            return ValueTask.CompletedTask;
        }

        // Mosquitto's bridge notifications: "1" connected, "0" disconnected (also its last will); empty deletes the retained value.
        bool? up = message.Payload.Span switch
        {
            [(byte)'1'] => true,
            [(byte)'0'] => false,
            _ => null,
        };
        if (up is null && !message.Payload.IsEmpty)
        {
            Reject(message.Topic, RejectReasons.InvalidPayload, "a link notification is 1 or 0");
            return ValueTask.CompletedTask;
        }

        bool cameUp;
        lock (_gate)
        {
            cameUp = up == true && !(_links.TryGetValue(link, out var was) && was);
            if (up is { } state)
            {
                _links[link] = state;
            }
            else
            {
                _links.Remove(link);
            }

            _changed.Raise();
        }

        Log.SiteLinkChanged(_logger, link.From.Value, link.To.Value, up switch { true => "up", false => "down", null => "unknown" });
        if (cameUp)
        {
            NotifyLinkCameUp(link);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Raised (on the directory's message handler; keep it short) when the bridge between two sites comes up (again): the
    /// moment to reconcile commands in flight to instruments at those sites, whose events the broken link may have held.
    /// </summary>
    public event Action<SiteLinkTopics>? LinkCameUp;

    private void NotifyLinkCameUp(SiteLinkTopics link)
    {
        try
        {
            LinkCameUp?.Invoke(link);
        }
        catch (Exception ex)
        {
            // The handler runs on the directory's message pump, which must never throw.
            Log.LinkCameUpHandlerFailed(_logger, ex, link.From.Value, link.To.Value);
        }
    }

    /// <summary>The latest capabilities <paramref name="instrument"/> announced, or null when none are known.</summary>
    public InstrumentCapabilities? CapabilitiesOf(InstrumentTopics instrument)
    {
        lock (_gate)
        {
            return _instruments.TryGetValue(instrument, out var info) ? info.Capabilities : null;
        }
    }

    /// <summary>Every known instrument, ordered by site then id.</summary>
    public IReadOnlyList<InstrumentInfo> Snapshot()
    {
        lock (_gate)
        {
            return [.. _instruments.Values
                .OrderBy(i => i.Topics.Site.Value, StringComparer.Ordinal)
                .ThenBy(i => i.Topics.Instrument.Value, StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Completes with the online instruments offering <paramref name="capability"/> as soon as there is
    /// at least one (immediately if there already is); waits on change notifications, never polls.
    /// </summary>
    public async Task<IReadOnlyList<InstrumentInfo>> WaitForCapabilityAsync(string capability, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(capability);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Next;
            }

            var offering = Snapshot().Where(i => i.Offers(capability)).ToArray();
            if (offering.Length > 0)
            {
                return offering;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes once <paramref name="instrument"/> is known to be in <paramref name="state"/> (immediately if it already is).</summary>
    public async Task<InstrumentInfo> WaitForStateAsync(InstrumentTopics instrument, AvailabilityState state, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            InstrumentInfo? info;
            lock (_gate)
            {
                changed = _changed.Next;
                info = _instruments.GetValueOrDefault(instrument);
            }

            if (info is not null && info.State == state)
            {
                return info;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        _subscriptions.Clear();
    }

    private ValueTask OnMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (!InstrumentTopics.TryParse(message.Topic, out var topics, out var leaf) || topics is null || leaf is not (AvailabilityLeaf or CapabilitiesLeaf))
        {
            Reject(message.Topic, RejectReasons.BadTopic, "not an availability or capabilities topic");
        }
        else if (message.Payload.IsEmpty)
        {
            // An empty retained message is how MQTT deletes a retained value: forget what it said.
            Update(topics, info => leaf == AvailabilityLeaf ? info with { State = AvailabilityState.Offline } : info with { Capabilities = null }, forgetIfEmpty: true);
        }
        else if (leaf == AvailabilityLeaf)
        {
            OnAvailability(message, topics);
        }
        else
        {
            OnCapabilities(message, topics);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Raised (on the directory's message handler; keep it short) every time an instrument announces
    /// itself online, including after a reconnect: the moment to reconcile commands it may have missed.
    /// </summary>
    public event Action<InstrumentTopics>? CameOnline;

    private void OnAvailability(InboundMessage message, InstrumentTopics topics)
    {
        if (!ProtocolReader.TryDecodeAvailability(message.Payload.Span, out var availability, out var failure) || availability is null)
        {
            Reject(message.Topic, failure.Reason, failure.Detail);
        }
        else if (availability.Instrument != topics.Instrument)
        {
            Reject(message.Topic, RejectReasons.InstrumentMismatch, $"payload instrument '{availability.Instrument}' on the topic of '{topics.Instrument}'");
        }
        else
        {
            Update(topics, info => info with { State = availability.State });
            Log.AvailabilityChanged(_logger, topics.Site.Value, topics.Instrument.Value, availability.State);
            if (availability.State == AvailabilityState.Online)
            {
                NotifyCameOnline(topics);
            }
        }
    }

    private void NotifyCameOnline(InstrumentTopics topics)
    {
        try
        {
            CameOnline?.Invoke(topics);
        }
        catch (Exception ex)
        {
            // The handler runs on the directory's message pump, which must never throw.
            Log.CameOnlineHandlerFailed(_logger, ex, topics.Site.Value, topics.Instrument.Value);
        }
    }

    private void OnCapabilities(InboundMessage message, InstrumentTopics topics)
    {
        if (!ProtocolReader.TryDecodeCapabilities(message.Payload.Span, out var capabilities, out var failure) || capabilities is null)
        {
            Reject(message.Topic, failure.Reason, failure.Detail);
        }
        else if (capabilities.Instrument != topics.Instrument)
        {
            Reject(message.Topic, RejectReasons.InstrumentMismatch, $"payload instrument '{capabilities.Instrument}' on the topic of '{topics.Instrument}'");
        }
        else
        {
            Update(topics, info => info with { Capabilities = capabilities });
            Log.CapabilitiesChanged(_logger, topics.Site.Value, topics.Instrument.Value, LogText.Escape(capabilities.Model), capabilities.Capabilities.Count);
        }
    }

    private void Update(InstrumentTopics topics, Func<InstrumentInfo, InstrumentInfo> change, bool forgetIfEmpty = false)
    {
        lock (_gate)
        {
            var current = _instruments.GetValueOrDefault(topics) ?? new InstrumentInfo(topics, AvailabilityState.Offline, null);
            var next = change(current);
            if (forgetIfEmpty && next.State == AvailabilityState.Offline && next.Capabilities is null)
            {
                _instruments.Remove(topics);
            }
            else
            {
                _instruments[topics] = next;
            }

            // Under the lock, as the readers read the signal with the state: none misses this change. Raising
            // only queues the waiters (tracked), so nothing runs inside the lock.
            _changed.Raise();
        }
    }

    private void Reject(string topic, string reason, string detail)
    {
        Rejections.Add(reason);
        Log.MessageDropped(_logger, LogText.Escape(topic), reason, LogText.Escape(detail));
    }

}
