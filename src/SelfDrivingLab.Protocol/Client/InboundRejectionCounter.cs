using System.Collections.Concurrent;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>
/// In-process tally of dropped inbound messages by reason (the same numbers as the
/// <c>sdl.protocol.rejected_messages</c> counter, without a <c>MeterListener</c>). One instance can
/// be shared by the command client and the directory. Thread-safe.
/// </summary>
public sealed class InboundRejectionCounter
{
    private readonly ConcurrentDictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Every rejection counted so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>How many were rejected for <paramref name="reason"/> (a <see cref="RejectReasons"/> value).</summary>
    public long this[string reason] => _byReason.GetValueOrDefault(reason);

    /// <summary>A copy of the counts by reason.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_byReason, StringComparer.Ordinal);

    /// <summary>Counts one rejection here and on the shared meter.</summary>
    public void Add(string reason)
    {
        _byReason.AddOrUpdate(reason, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
        ProtocolMetrics.Rejected(reason);
    }
}
