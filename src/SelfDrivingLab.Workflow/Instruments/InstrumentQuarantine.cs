using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>
/// A consecutive-failure breaker per instrument with no automatic recovery: once open it stays open
/// until <see cref="TryReturnToService"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Hand-written rather than Polly's circuit breaker: Polly v8 breaks on a failure <em>ratio</em> over
/// a sampling window (not N failures in a row), half-opens by itself after at most a day, and guards
/// executions by throwing — whereas the gateway must stop <em>leasing</em> the instrument and only an
/// operator may close the circuit. Those three would each have to be worked around.
/// </remarks>
internal sealed class InstrumentQuarantine(int failuresToQuarantine, IWorkTracker work)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(SiteId, InstrumentId), List<string>> _failures = [];
    private readonly Dictionary<(SiteId, InstrumentId), QuarantinedInstrument> _quarantined = [];
    private readonly ChangeSignal _changed = new(work);

    /// <summary>Completes at the next quarantine or return to service after it is read.</summary>
    public Task NextChange => _changed.Next;

    public IReadOnlyList<QuarantinedInstrument> Quarantined
    {
        get
        {
            lock (_gate)
            {
                return [.. _quarantined.Values.OrderBy(q => q.Since).ThenBy(q => q.Instrument.Value, StringComparer.Ordinal)];
            }
        }
    }

    public bool IsQuarantined(SiteId site, InstrumentId instrument)
    {
        lock (_gate)
        {
            return _quarantined.ContainsKey((site, instrument));
        }
    }

    /// <summary>Counts a command's outcome; returns the quarantine it trips, if this one does.</summary>
    public QuarantinedInstrument? RecordOutcome(SiteId site, InstrumentId instrument, StepCommandStatus status, string? error, DateTimeOffset at)
    {
        var key = (site, instrument);
        lock (_gate)
        {
            switch (status)
            {
                case StepCommandStatus.Completed:
                    _failures.Remove(key);
                    return null;
                case StepCommandStatus.Failed or StepCommandStatus.TimedOut:
                    break;
                default:
                    return null;
            }

            if (_quarantined.ContainsKey(key))
            {
                return null;
            }

            var failures = _failures.TryGetValue(key, out var list) ? list : _failures[key] = [];
            failures.Add($"{status.ToString().ToLowerInvariant()} ({error ?? "no error code"})");
            if (failures.Count < failuresToQuarantine)
            {
                return null;
            }

            _failures.Remove(key);
            var quarantined = new QuarantinedInstrument(site, instrument, at, $"{failures.Count} consecutive failed or timed-out commands: {string.Join(", ", failures)}");
            _quarantined[key] = quarantined;
            _changed.Raise();
            return quarantined;
        }
    }

    /// <summary>Puts a quarantine read back from the ledger in place (no signal: nobody waits yet).</summary>
    public void Restore(QuarantinedInstrument quarantined)
    {
        lock (_gate)
        {
            _quarantined[(quarantined.Site, quarantined.Instrument)] = quarantined;
        }
    }

    /// <summary>Closes the circuit; false when the instrument was not quarantined.</summary>
    public bool TryReturnToService(SiteId site, InstrumentId instrument)
    {
        lock (_gate)
        {
            if (!_quarantined.Remove((site, instrument)))
            {
                return false;
            }

            _failures.Remove((site, instrument));
            _changed.Raise();
            return true;
        }
    }
}
