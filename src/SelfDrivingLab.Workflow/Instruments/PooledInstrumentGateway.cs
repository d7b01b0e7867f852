using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>
/// Reaches instruments over the wire protocol: leases a free channel of an online instrument that
/// offers a capability (instruments announce their channel count), sends commands with
/// <see cref="InstrumentCommandClient"/>, and frees the channel after. Waiting requests are served
/// strictly first come, first served: a freed channel is handed to the oldest waiter that can use
/// it, so the order of work on shared instruments is reproducible. An instrument whose commands
/// fail or time out <see cref="InstrumentQuarantineOptions.ConsecutiveFailures"/> times in a row is
/// quarantined: it is leased to nobody until <see cref="ReturnToService"/>. Thread-safe.
/// </summary>
public sealed partial class PooledInstrumentGateway : IInstrumentGateway
{
    private readonly InstrumentDirectory _directory;
    private readonly InstrumentCommandClient _client;
    private readonly TimeProvider _time;
    private readonly TimeSpan _waitTimeout;
    private readonly Lock _gate = new();
    private readonly Dictionary<(SiteId Site, InstrumentId Instrument), int> _inUse = [];
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly InstrumentQuarantine _quarantine;
    private readonly IWorkTracker _work;
    private InstrumentAdmission _admission;
    private readonly IInstrumentStatusLedger? _statusLedger;
    private readonly ILogger _logger;
    private readonly Lock _writeGate = new();
    private Task _statusWrites = Task.CompletedTask;

    /// <summary>Creates the gateway.</summary>
    /// <param name="directory">The live instrument list.</param>
    /// <param name="client">Sends the commands.</param>
    /// <param name="time">The clock the wait limit is measured on.</param>
    /// <param name="waitTimeout">How long a step waits for an online, not quarantined instrument offering its capability.</param>
    /// <param name="quarantine">When to quarantine an instrument (default 3 consecutive failures); validated here.</param>
    /// <param name="statusLedger">Where quarantines and returns to service are recorded (default nowhere).</param>
    /// <param name="logger">Logging (default none).</param>
    /// <param name="workTracker">Counts hand-overs to waiting steps as work for a virtual clock (default <see cref="NoWorkTracker"/>); see <see cref="WorkTracker"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarantine"/> is invalid.</exception>
    public PooledInstrumentGateway(
        InstrumentDirectory directory,
        InstrumentCommandClient client,
        TimeProvider time,
        TimeSpan waitTimeout,
        InstrumentQuarantineOptions? quarantine = null,
        IInstrumentStatusLedger? statusLedger = null,
        ILogger<PooledInstrumentGateway>? logger = null,
        IWorkTracker? workTracker = null)
    {
        quarantine ??= new InstrumentQuarantineOptions();
        quarantine.Validate();
        _directory = directory;
        _client = client;
        _time = time;
        _waitTimeout = waitTimeout;
        _work = workTracker ?? NoWorkTracker.Instance;
        _quarantine = new InstrumentQuarantine(quarantine.ConsecutiveFailures, _work);
        _admission = new InstrumentAdmission(_work);
        _statusLedger = statusLedger;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Requests waiting for a channel right now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>The request is queued (or granted) before this method first yields, so callers that start requests in order are served in that order.</remarks>
    public ValueTask<InstrumentLease> AcquireAsync(string capability, CancellationToken cancellationToken = default) =>
        AcquireAsync(new Waiter(capability, null), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Free channels go to the waiter with the highest priority plus one level per <see cref="PriorityAging"/>
    /// it has waited, oldest first among equals: a high-priority campaign goes first, and a low-priority
    /// one still gets an instrument once it has waited long enough.
    /// </remarks>
    public ValueTask<InstrumentLease> AcquireAsync(string capability, int priority, CancellationToken cancellationToken = default) =>
        AcquireAsync(new Waiter(capability, null) { Priority = priority }, cancellationToken);

    /// <summary>
    /// The instruments registered for the facility with the capabilities each is admitted to offer (default null: every
    /// instrument is admitted). An instrument not in the list, or announcing a capability outside its admitted ones, gets no
    /// command until <see cref="Admit"/>; the first refusal of each is logged and recorded in the ledger.
    /// </summary>
    public IReadOnlyCollection<AdmittedInstrument>? Registered
    {
        init => _admission = value is null ? new InstrumentAdmission(_work) : new InstrumentAdmission(value, _work);
    }

    /// <summary>
    /// The site this gateway's host is at (default null: every site counts as reachable). Free instruments here go
    /// first; instruments at another site are leased only while the link to it is not known to be down
    /// (<see cref="InstrumentDirectory.LinkBetween"/>).
    /// </summary>
    public SiteId? LocalSite { get; init; }

    /// <summary>How long a waiting request takes to gain one priority level (default 30 minutes; starvation bound).</summary>
    public TimeSpan PriorityAging { get; init; } = TimeSpan.FromMinutes(30);

    /// <inheritdoc />
    public ValueTask<InstrumentLease> AcquireInstrumentAsync(SiteId site, InstrumentId instrument, string capability, CancellationToken cancellationToken = default) =>
        AcquireAsync(new Waiter(capability, new InstrumentTopics(site, instrument)), cancellationToken);

    /// <inheritdoc />
    public ValueTask<InstrumentLease> AcquireOtherAsync(SiteId site, InstrumentId excluded, string capability, CancellationToken cancellationToken = default)
    {
        var waiter = new Waiter(capability, null) { Excluded = new InstrumentTopics(site, excluded) };
        return _directory.Snapshot().Any(waiter.CanUse)
            ? AcquireAsync(waiter, cancellationToken)
            : throw new NoInstrumentAvailableException($"no online instrument other than '{excluded}' offers the capability '{capability}'");
    }

    /// <summary>
    /// Counts a granted lease as work (default <see cref="NoWorkTracker"/>: not counted) from the grant, made inside the
    /// releasing experiment's work, until the waiter has resumed: the grant wakes it on the thread pool, a moment a
    /// virtual clock could otherwise take for idleness. Quarantine and admission changes reach their waiters the same way.
    /// </summary>
    public IWorkTracker WorkTracker => _work;

    private ValueTask<InstrumentLease> AcquireAsync(Waiter waiter, CancellationToken cancellationToken) =>
        new(WorkHandOver.ThenRelease(AcquireQueuedAsync(waiter, cancellationToken).AsTask(), () =>
        {
            if (waiter.TakeHandOver())
            {
                WorkTracker.End();
            }
        }));

    private async ValueTask<InstrumentLease> AcquireQueuedAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            waiter.QueuedAt = _time.GetTimestamp();
            _waiters.AddLast(waiter.CreateNode());
            GrantWaiters();
        }

        using var registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        using var waitLimit = new WaitLimit(_waitTimeout, _time);
        while (!waiter.Lease.Task.IsCompleted)
        {
            // Read the signals before looking, so a change between the look and the wait is never missed.
            var changed = Task.WhenAny(_directory.NextChange, _quarantine.NextChange, _admission.NextChange);
            lock (_gate)
            {
                GrantWaiters();
            }

            // Instruments offer the capability, but every one of them refuses these parameters: nothing will be sent.
            if (!waiter.Lease.Task.IsCompleted && RefusedByAll(waiter) is { } refusal)
            {
                // (A lease granted in between is given back by Cancel.)
                Cancel(waiter, CancellationToken.None);
                throw new InstrumentLimitsException(refusal);
            }

            // Something usable exists: wait, unbounded, for one of its channels to free up.
            // Nothing usable (none online, or all quarantined): wait for one, bounded.
            Task? gaveUp = null;
            if (_directory.Snapshot().Any(i => IsLeasable(waiter, i)))
            {
                waitLimit.Stop();
            }
            else
            {
                gaveUp = waitLimit.Start();
            }

            var woke = gaveUp is null
                ? await Task.WhenAny(waiter.Lease.Task, changed).ConfigureAwait(false)
                : await Task.WhenAny(waiter.Lease.Task, changed, gaveUp).ConfigureAwait(false);
            if (woke == gaveUp && !waiter.Lease.Task.IsCompleted)
            {
                Cancel(waiter, CancellationToken.None);
                throw new NoInstrumentAvailableException(NoInstrumentMessage(waiter));
            }
        }

        return await waiter.Lease.Task.ConfigureAwait(false);
    }

    private static (SiteId, InstrumentId) Key(InstrumentInfo info) => (info.Topics.Site, info.Topics.Instrument);

    private string NoInstrumentMessage(Waiter waiter)
    {
        var quarantined = _quarantine.Quarantined.Where(q => _directory.Snapshot().Any(i => waiter.CanUse(i) && i.Topics.Site == q.Site && i.Topics.Instrument == q.Instrument)).ToList();
        var because = quarantined.Count > 0 ? $"; quarantined: {string.Join(", ", quarantined.Select(q => $"{q.Site}/{q.Instrument}"))}" : string.Empty;
        var refused = _directory.Snapshot().Where(waiter.CanUse).Select(i => (Info: i, Refusal: _admission.Refusal(i))).Where(x => x.Refusal is not null).ToList();
        because += refused.Count > 0
            ? $"; not admitted: {string.Join(", ", refused.Select(x => $"{x.Info.Topics.Site}/{x.Info.Topics.Instrument} ({x.Refusal})"))} — an operator admits one with 'sdl control admit <instrument>'"
            : string.Empty;
        var unreachable = _directory.Snapshot().Where(i => waiter.CanUse(i) && !IsReachable(i.Topics.Site)).Select(i => i.Topics.Site.Value).Distinct(StringComparer.Ordinal).ToList();
        because += unreachable.Count > 0 ? $"; link down to site {string.Join(", ", unreachable)}" : string.Empty;
        var where = waiter.Site is { } site ? $" at site '{site}'" : string.Empty;
        return waiter.Only is { } only
            ? $"instrument '{only.Instrument}' at site '{only.Site}' did not come back online with '{waiter.Capability}' (waited {_waitTimeout}){because}"
            : $"no online instrument{where} offers the capability '{waiter.Capability}' (waited {_waitTimeout}){because}; start one, return one to service, or fix the workflow step";
    }

    private bool IsLeasable(Waiter waiter, InstrumentInfo info) =>
        waiter.CanUse(info) && waiter.Admits(info) is null && IsReachable(info.Topics.Site)
        && !_quarantine.IsQuarantined(info.Topics.Site, info.Topics.Instrument) && IsAdmitted(info);

    /// <summary>
    /// The local site always; another site unless the bridge between them is known to be down (its retained link
    /// notification says so): an instrument behind a broken link looks online by its retained availability, but a
    /// command sent to it would sit at this site's broker.
    /// </summary>
    private bool IsReachable(SiteId site) => LocalSite is not { } local || site == local || _directory.LinkBetween(local, site) != false;

    // An instrument that could serve a step but is not admitted is reported (log and ledger) the first time it is passed over.
    private bool IsAdmitted(InstrumentInfo info)
    {
        if (_admission.Refusal(info) is not { } refusal)
        {
            return true;
        }

        var at = _time.GetUtcNow();
        if (_admission.NoteRefused(info, refusal, at))
        {
            var announced = InstrumentAdmission.Announced(info);
            Log.NotAdmitted(_logger, info.Topics.Site.Value, info.Topics.Instrument.Value, LogText.Escape(refusal));
            _ = RecordStatusAsync(new InstrumentStatusRecord(
                info.Topics.Site, info.Topics.Instrument, InstrumentStatusKind.NotAdmitted, at, OrchestratorActor, $"{refusal}; announces: {string.Join(", ", announced)}"));
        }

        return false;
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        InstrumentLease? granted = null;
        lock (_gate)
        {
            if (waiter.ListNode?.List is not null)
            {
                _waiters.Remove(waiter.ListNode);
            }
            else if (waiter.Lease.Task.IsCompletedSuccessfully)
            {
                granted = waiter.Lease.Task.Result;
            }
        }

        if (!waiter.Lease.TrySetCanceled(cancellationToken))
        {
            // Granted just before the cancellation: give the channel back.
            granted?.Dispose();
        }
    }

    // Under _gate: hand free channels to waiters by effective priority (priority plus aging), in arrival
    // order among equals. A waiter whose capability has no free channel does not block later waiters for
    // other capabilities (different instruments).
    private void GrantWaiters()
    {
        var instruments = _directory.Snapshot();
        var now = _time.GetTimestamp();
        // OrderByDescending is stable: waiters of equal effective priority keep their arrival order.
        foreach (var waiter in _waiters.OrderByDescending(w => EffectivePriority(w, now)).ToList())
        {
            var node = waiter.ListNode!;
            var free = instruments
                .Where(i => IsLeasable(waiter, i))
                .Select(i => (Info: i, Used: _inUse.GetValueOrDefault(Key(i))))
                .Where(x => x.Used < Math.Max(1, x.Info.Capabilities!.Channels))
                .OrderBy(x => LocalSite is { } local && x.Info.Topics.Site != local ? 1 : 0)
                .ThenBy(x => x.Used)
                .ThenBy(x => x.Info.Topics.Instrument.Value, StringComparer.Ordinal)
                .Select(x => x.Info)
                .FirstOrDefault();
            if (free is not null)
            {
                _inUse[Key(free)] = _inUse.GetValueOrDefault(Key(free)) + 1;
                _waiters.Remove(node);
                WorkTracker.Begin();
                waiter.MarkHandOver();
                waiter.Lease.TrySetResult(new InstrumentLease(free.Topics.Site, free.Topics.Instrument, waiter.Capability, Release) { Idempotent = IsIdempotent(free, waiter.Capability) });
            }
        }
    }

    private long EffectivePriority(Waiter waiter, long now)
    {
        var waited = _time.GetElapsedTime(waiter.QueuedAt, now);
        return waiter.Priority + (PriorityAging > TimeSpan.Zero ? (long)(waited / PriorityAging) : 0);
    }

    private static bool IsIdempotent(InstrumentInfo info, string capability) =>
        info.Capabilities?.Capabilities.Any(d => string.Equals(d.Name, capability, StringComparison.Ordinal) && d.Idempotent) == true;

    private void Release(InstrumentLease lease)
    {
        lock (_gate)
        {
            var key = (lease.Site, lease.Instrument);
            if (_inUse.TryGetValue(key, out var used))
            {
                if (used <= 1)
                {
                    _inUse.Remove(key);
                }
                else
                {
                    _inUse[key] = used - 1;
                }
            }

            GrantWaiters();
        }
    }

    private sealed class Waiter(string capability, InstrumentTopics? only)
    {
        public string Capability { get; } = capability;

        public InstrumentTopics? Only { get; } = only;

        public InstrumentTopics? Excluded { get; init; }

        /// <summary>Only instruments at this site (null: any).</summary>
        public SiteId? Site { get; init; }

        public int Priority { get; init; }

        /// <summary>The command's parameters, which the leased instrument's limits must admit (null: not checked).</summary>
        public ParameterSet? Parameters { get; init; }

        public long QueuedAt { get; set; }

        public bool CanUse(InstrumentInfo info) =>
            info.Offers(Capability) && (Only is null || info.Topics == Only) && info.Topics != Excluded && (Site is null || info.Topics.Site == Site);

        /// <summary>Null when <paramref name="info"/>'s announced limits for the capability admit the parameters, else the violation.</summary>
        public string? Admits(InstrumentInfo info) =>
            Parameters is null || info.Capabilities?.Capabilities.FirstOrDefault(d => string.Equals(d.Name, Capability, StringComparison.Ordinal)) is not { } description
                ? null
                : ParameterLimits.FindViolation(description, Parameters);

        public TaskCompletionSource<InstrumentLease> Lease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // 1 while a granted lease's unit of work (see WorkTracker) is open.
        private int _handOver;

        public void MarkHandOver() => Interlocked.Exchange(ref _handOver, 1);

        public bool TakeHandOver() => Interlocked.Exchange(ref _handOver, 0) == 1;

        public LinkedListNode<Waiter>? ListNode { get; private set; }

        public LinkedListNode<Waiter> CreateNode()
        {
            ListNode = new LinkedListNode<Waiter>(this);
            return ListNode;
        }
    }
}
