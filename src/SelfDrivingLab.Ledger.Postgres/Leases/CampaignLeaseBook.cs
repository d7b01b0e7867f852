using System.Collections.Concurrent;
using System.Globalization;

namespace SelfDrivingLab.Ledger.Postgres.Leases;

/// <summary>
/// The campaign leases one host holds, when it last renewed them, and whether it lost one. The fenced
/// <see cref="PostgresLedger"/> checks every campaign write against it (and the lease row, in the write's transaction), and
/// refuses to record a command to dispatch while the last renewal is older than <see cref="FreshFor"/> (self-fencing: a host
/// cut off from PostgreSQL stops dispatching before its lease can expire). Thread-safe.
/// </summary>
public sealed class CampaignLeaseBook : IDisposable
{
    private readonly ConcurrentDictionary<string, CampaignLease> _held = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _lost = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _renewal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _renewedAt;
    private string? _lostReason;

    /// <summary>Creates the book of <paramref name="owner"/>, whose leases last <paramref name="duration"/>.</summary>
    public CampaignLeaseBook(string owner, TimeSpan duration, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        Owner = owner;
        Duration = duration;
        _time = time;
        _renewedAt = time.GetTimestamp();
    }

    /// <summary>This host, as lease rows name it.</summary>
    public string Owner { get; }

    /// <summary>How long a lease lasts after each renewal (server clock).</summary>
    public TimeSpan Duration { get; }

    /// <summary>
    /// How long after the start of its last successful renewal this host still dispatches: the duration minus a third (the
    /// margin covers a command recorded just before the limit and sent just after, and clocks that run at slightly different
    /// speeds). Renewals every third of the duration leave one missed renewal before dispatching pauses.
    /// </summary>
    public TimeSpan FreshFor => Duration - (Duration / 3);

    /// <summary>The leases held now.</summary>
    public IReadOnlyCollection<CampaignLease> Held => [.. _held.Values];

    /// <summary>Why this host lost a lease (null while it has lost none); the host then stops.</summary>
    public string? LostReason => Volatile.Read(ref _lostReason);

    /// <summary>Cancelled when this host loses a lease.</summary>
    public CancellationToken LostToken => _lost.Token;

    /// <summary>True while the last successful renewal is recent enough to dispatch (see <see cref="FreshFor"/>).</summary>
    public bool IsFresh => SinceRenewal < FreshFor;

    /// <summary>How long ago the last successful renewal (or the acquisition) was sent.</summary>
    public TimeSpan SinceRenewal => _time.GetElapsedTime(Interlocked.Read(ref _renewedAt));

    /// <summary>A generated owner name: the host name, the process id and the start time (UTC, to the second).</summary>
    public static string OwnerName(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName} pid {Environment.ProcessId} started {time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}");
    }

    /// <summary>Records a lease just acquired; <paramref name="requestedAt"/> is when the acquisition was sent (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public void Add(CampaignLease lease, long requestedAt)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _held[lease.Campaign] = lease;
        Renewed(requestedAt);
    }

    /// <summary>Forgets a lease (released on a clean stop).</summary>
    public void Remove(string campaign) => _held.TryRemove(campaign, out _);

    /// <summary>The lease held on <paramref name="campaign"/>, if any.</summary>
    public bool TryGet(string campaign, out CampaignLease lease) => _held.TryGetValue(campaign, out lease!);

    /// <summary>Every held lease was renewed by a request sent at <paramref name="requestedAt"/> (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public void Renewed(long requestedAt)
    {
        TaskCompletionSource renewal;
        lock (_gate)
        {
            if (requestedAt > _renewedAt)
            {
                Interlocked.Exchange(ref _renewedAt, requestedAt);
            }

            renewal = _renewal;
            _renewal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        renewal.TrySetResult();
    }

    /// <summary>Records that this host lost a lease (the first reason is kept) and cancels <see cref="LostToken"/>.</summary>
    public void MarkLost(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Interlocked.CompareExchange(ref _lostReason, reason, null) is null)
        {
            _lost.Cancel();
        }
    }

    /// <summary>
    /// Returns when the last renewal is fresh enough to dispatch: at once normally; after the next successful renewal when the
    /// host has not reached PostgreSQL for a while. Throws <see cref="OperationCanceledException"/> when this host lost a lease
    /// or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async ValueTask WaitFreshAsync(CancellationToken cancellationToken = default)
    {
        while (!IsFresh)
        {
            Task renewal;
            lock (_gate)
            {
                renewal = _renewal.Task;
            }

            if (IsFresh)
            {
                return;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lost.Token);
            await renewal.WaitAsync(linked.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the lost-lease token's resources.</summary>
    public void Dispose() => _lost.Dispose();
}
