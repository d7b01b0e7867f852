using SelfDrivingLab.Core.Ids;
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
/// it, so the order of work on shared instruments is reproducible. Thread-safe.
/// </summary>
public sealed class PooledInstrumentGateway : IInstrumentGateway
{
    private readonly InstrumentDirectory _directory;
    private readonly InstrumentCommandClient _client;
    private readonly TimeProvider _time;
    private readonly TimeSpan _waitTimeout;
    private readonly Lock _gate = new();
    private readonly Dictionary<(SiteId Site, InstrumentId Instrument), int> _inUse = [];
    private readonly LinkedList<Waiter> _waiters = new();

    /// <summary>Creates the gateway; <paramref name="waitTimeout"/> bounds how long a step waits for an online instrument offering its capability.</summary>
    public PooledInstrumentGateway(InstrumentDirectory directory, InstrumentCommandClient client, TimeProvider time, TimeSpan waitTimeout)
    {
        _directory = directory;
        _client = client;
        _time = time;
        _waitTimeout = waitTimeout;
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

    private async ValueTask<InstrumentLease> AcquireAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        var capability = waiter.Capability;
        lock (_gate)
        {
            _waiters.AddLast(waiter.CreateNode());
            GrantWaiters();
        }

        using var registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        while (true)
        {
            var offered = _directory.Snapshot().Any(waiter.CanUse);
            if (offered || waiter.Lease.Task.IsCompleted)
            {
                return await waiter.Lease.Task.ConfigureAwait(false);
            }

            await WaitForInstrumentAsync(waiter, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                GrantWaiters();
            }
        }
    }

    /// <inheritdoc />
    public async Task<StepCommandResult> ExecuteAsync(
        InstrumentLease lease,
        InstrumentCommand command,
        Func<InstrumentEvent, CancellationToken, ValueTask> onEvent,
        CancellationToken cancellationToken = default)
    {
        var outcome = await _client.ExecuteAsync(new InstrumentTopics(lease.Site, lease.Instrument), command, onEvent, cancellationToken).ConfigureAwait(false);
        var status = outcome.Kind switch
        {
            CommandOutcomeKind.Completed => StepCommandStatus.Completed,
            CommandOutcomeKind.Failed => StepCommandStatus.Failed,
            CommandOutcomeKind.Rejected => StepCommandStatus.Rejected,
            CommandOutcomeKind.Aborted => StepCommandStatus.Aborted,
            _ => StepCommandStatus.TimedOut,
        };
        return new StepCommandResult(status, outcome.Results, outcome.Error, outcome.Message);
    }

    /// <inheritdoc />
    public Task AbortAsync(InstrumentLease lease, CommandId commandId, CancellationToken cancellationToken = default) =>
        _client.SendAbortAsync(new InstrumentTopics(lease.Site, lease.Instrument), commandId, cancellationToken);

    private static (SiteId, InstrumentId) Key(InstrumentInfo info) => (info.Topics.Site, info.Topics.Instrument);

    // No online instrument offers the capability: wait (bounded) for one to appear.
    private async Task WaitForInstrumentAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_waitTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (waiter.Only is { } only)
            {
                await _directory.WaitForStateAsync(only, AvailabilityState.Online, linked.Token).ConfigureAwait(false);
            }
            else
            {
                await _directory.WaitForCapabilityAsync(waiter.Capability, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Cancel(waiter, CancellationToken.None);
            throw new NoInstrumentAvailableException(
                waiter.Only is { } only
                    ? $"instrument '{only.Instrument}' at site '{only.Site}' did not come back online with '{waiter.Capability}' (waited {_waitTimeout})"
                    : $"no online instrument offers the capability '{waiter.Capability}' (waited {_waitTimeout}); start one or fix the workflow step");
        }
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

    // Under _gate: hand free channels to waiters in arrival order. A waiter whose capability has no
    // free channel does not block later waiters for other capabilities (different instruments).
    private void GrantWaiters()
    {
        var instruments = _directory.Snapshot();
        for (var node = _waiters.First; node is not null;)
        {
            var next = node.Next;
            var waiter = node.Value;
            var free = instruments
                .Where(waiter.CanUse)
                .Select(i => (Info: i, Used: _inUse.GetValueOrDefault(Key(i))))
                .Where(x => x.Used < Math.Max(1, x.Info.Capabilities!.Channels))
                .OrderBy(x => x.Used)
                .ThenBy(x => x.Info.Topics.Instrument.Value, StringComparer.Ordinal)
                .Select(x => x.Info)
                .FirstOrDefault();
            if (free is not null)
            {
                _inUse[Key(free)] = _inUse.GetValueOrDefault(Key(free)) + 1;
                _waiters.Remove(node);
                waiter.Lease.TrySetResult(new InstrumentLease(free.Topics.Site, free.Topics.Instrument, waiter.Capability, Release) { Idempotent = IsIdempotent(free, waiter.Capability) });
            }

            node = next;
        }
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

        public bool CanUse(InstrumentInfo info) => info.Offers(Capability) && (Only is null || info.Topics == Only) && info.Topics != Excluded;

        public TaskCompletionSource<InstrumentLease> Lease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? ListNode { get; private set; }

        public LinkedListNode<Waiter> CreateNode()
        {
            ListNode = new LinkedListNode<Waiter>(this);
            return ListNode;
        }
    }
}
