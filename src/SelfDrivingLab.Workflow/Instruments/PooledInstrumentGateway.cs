using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>
/// Reaches instruments over the wire protocol: leases a free channel of an online instrument that
/// offers a capability (instruments announce their channel count; each runs that many commands at
/// once), sends commands with <see cref="InstrumentCommandClient"/>, and frees the channel after.
/// Thread-safe.
/// </summary>
public sealed class PooledInstrumentGateway : IInstrumentGateway
{
    private readonly InstrumentDirectory _directory;
    private readonly InstrumentCommandClient _client;
    private readonly TimeProvider _time;
    private readonly TimeSpan _waitTimeout;
    private readonly Lock _gate = new();
    private readonly Dictionary<(SiteId Site, InstrumentId Instrument), int> _inUse = [];
    private TaskCompletionSource _released = NewSignal();

    /// <summary>Creates the gateway; <paramref name="waitTimeout"/> bounds how long a step waits for an online instrument offering its capability.</summary>
    public PooledInstrumentGateway(InstrumentDirectory directory, InstrumentCommandClient client, TimeProvider time, TimeSpan waitTimeout)
    {
        _directory = directory;
        _client = client;
        _time = time;
        _waitTimeout = waitTimeout;
    }

    /// <inheritdoc />
    public async ValueTask<InstrumentLease> AcquireAsync(string capability, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task released;
            bool anyOnline;
            lock (_gate)
            {
                var offering = _directory.Snapshot().Where(i => i.Offers(capability)).ToList();
                var free = offering
                    .Select(i => (Info: i, Used: _inUse.GetValueOrDefault(Key(i))))
                    .Where(x => x.Used < Math.Max(1, x.Info.Capabilities!.Channels))
                    .OrderBy(x => x.Used)
                    .ThenBy(x => x.Info.Topics.Instrument.Value, StringComparer.Ordinal)
                    .Select(x => x.Info)
                    .FirstOrDefault();
                if (free is not null)
                {
                    _inUse[Key(free)] = _inUse.GetValueOrDefault(Key(free)) + 1;
                    return new InstrumentLease(free.Topics.Site, free.Topics.Instrument, capability, Release);
                }

                anyOnline = offering.Count > 0;
                released = _released.Task;
            }

            if (anyOnline)
            {
                // Every instrument offering it is busy: wait for any lease to be returned.
                await released.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            using var timeout = new CancellationTokenSource(_waitTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await _directory.WaitForCapabilityAsync(capability, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new NoInstrumentAvailableException(
                    $"no online instrument offers the capability '{capability}' (waited {_waitTimeout}); start one or fix the workflow step");
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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Release(InstrumentLease lease)
    {
        TaskCompletionSource signal;
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

            signal = _released;
            _released = NewSignal();
        }

        signal.TrySetResult();
    }
}
