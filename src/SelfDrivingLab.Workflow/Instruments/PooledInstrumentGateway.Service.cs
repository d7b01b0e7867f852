using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>The operator-facing half: quarantine and return to service, admission, and their ledger record.</summary>
public sealed partial class PooledInstrumentGateway
{
    /// <summary>The actor recorded for an automatic quarantine.</summary>
    public const string OrchestratorActor = "orchestrator";

    /// <summary>
    /// Raised once when an instrument is quarantined, after the quarantine is recorded in the ledger,
    /// on the thread that saw the last failure: keep it short. Handler exceptions are logged and ignored.
    /// </summary>
    public event Action<QuarantinedInstrument>? InstrumentQuarantined;

    /// <summary>Instruments currently quarantined, oldest first.</summary>
    public IReadOnlyList<QuarantinedInstrument> Quarantined => _quarantine.Quarantined;

    /// <summary>
    /// Returns a quarantined instrument to service: it can be leased again at once (waiting steps
    /// wake up) and its failure count starts from zero. The return is recorded in the ledger in the
    /// background, in order with quarantines (<see cref="FlushStatusWritesAsync"/> awaits it).
    /// Returns false when the instrument was not quarantined.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="operatorName"/> is empty.</exception>
    public bool ReturnToService(SiteId site, InstrumentId instrument, string operatorName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);

        // Stamped before it takes effect, as an admission is: a waiting step may be granted the instrument at once.
        var at = _time.GetUtcNow();
        if (!_quarantine.TryReturnToService(site, instrument))
        {
            return false;
        }

        Log.ReturnedToService(_logger, site.Value, instrument.Value, LogText.Escape(operatorName));
        _ = RecordStatusAsync(new InstrumentStatusRecord(site, instrument, InstrumentStatusKind.ReturnedToService, at, operatorName, "returned to service by an operator"));
        return true;
    }

    /// <summary>Instruments passed over because they are not admitted (and not admitted since), oldest first.</summary>
    public IReadOnlyList<InstrumentAwaitingAdmission> AwaitingAdmission => _admission.Awaiting;

    /// <summary>
    /// Admits an instrument for the capabilities it announces now (replacing what it was admitted for before): it can be
    /// leased at once (waiting steps wake up). Recorded in the ledger with the admitted capabilities, in order with the
    /// other instrument events. Null when done, else why not (it announces no capabilities, or it is already admitted).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="operatorName"/> is empty.</exception>
    public string? Admit(SiteId site, InstrumentId instrument, string operatorName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        var info = _directory.Snapshot().FirstOrDefault(i => i.Topics.Site == site && i.Topics.Instrument == instrument);
        if (info?.Capabilities is null)
        {
            return $"instrument '{instrument}' at site '{site}' has announced no capabilities: nothing to admit";
        }

        if (_admission.Refusal(info) is null)
        {
            return $"instrument '{instrument}' at site '{site}' is already admitted for what it announces ({string.Join(", ", InstrumentAdmission.Announced(info))})";
        }

        var capabilities = InstrumentAdmission.Announced(info);

        // Stamped before it takes effect: a step waiting for the instrument may be granted it at once, on another thread,
        // and no command it enables may appear to start before the admission.
        var at = _time.GetUtcNow();
        _admission.Admit(site, instrument, capabilities.ToHashSet(StringComparer.Ordinal));
        Log.Admitted(_logger, site.Value, instrument.Value, LogText.Escape(string.Join(", ", capabilities)), LogText.Escape(operatorName));
        _ = RecordStatusAsync(new InstrumentStatusRecord(site, instrument, InstrumentStatusKind.Admitted, at, operatorName, InstrumentStatusRecord.DescribeCapabilities(capabilities)));
        lock (_gate)
        {
            GrantWaiters();
        }

        return null;
    }

    /// <summary>
    /// Re-applies the quarantines and admissions recorded in the ledger (for each instrument the latest quarantine or
    /// return to service decides, and its latest admission), so a restart neither hands work to an instrument an operator
    /// has not cleared nor forgets one an operator admitted. Call once at start-up, before the first lease. Returns how
    /// many are quarantined.
    /// </summary>
    public async Task<int> RestoreInstrumentStatusAsync(CancellationToken cancellationToken = default)
    {
        if (_statusLedger is null)
        {
            return 0;
        }

        var history = await _statusLedger.GetInstrumentStatusesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var admitted in history.Where(r => r.Kind == InstrumentStatusKind.Admitted).GroupBy(r => (r.Site, r.Instrument)).Select(g => g.Last()))
        {
            _admission.Admit(admitted.Site, admitted.Instrument, admitted.AdmittedCapabilities.ToHashSet(StringComparer.Ordinal));
        }

        var restored = 0;
        var service = history.Where(r => r.Kind is InstrumentStatusKind.Quarantined or InstrumentStatusKind.ReturnedToService);
        foreach (var latest in service.GroupBy(r => (r.Site, r.Instrument)).Select(g => g.Last()))
        {
            if (latest.Kind == InstrumentStatusKind.Quarantined)
            {
                _quarantine.Restore(new QuarantinedInstrument(latest.Site, latest.Instrument, latest.At, latest.Detail));
                Log.QuarantineRestored(_logger, latest.Site.Value, latest.Instrument.Value, latest.At);
                restored++;
            }
        }

        return restored;
    }

    /// <summary>Completes when every quarantine and return to service so far is written to the ledger (or its failure logged).</summary>
    public Task FlushStatusWritesAsync()
    {
        lock (_writeGate)
        {
            return _statusWrites;
        }
    }

    private async Task OnQuarantinedAsync(QuarantinedInstrument quarantined)
    {
        Log.Quarantined(_logger, quarantined.Site.Value, quarantined.Instrument.Value, LogText.Escape(quarantined.Reason));
        await RecordStatusAsync(new InstrumentStatusRecord(
            quarantined.Site, quarantined.Instrument, InstrumentStatusKind.Quarantined, quarantined.Since, OrchestratorActor, quarantined.Reason)).ConfigureAwait(false);
        try
        {
            InstrumentQuarantined?.Invoke(quarantined);
        }
        catch (Exception ex)
        {
            // An observer (CLI, operator API) must not turn a step's outcome into a crash.
            Log.QuarantineHandlerFailed(_logger, ex, quarantined.Site.Value, quarantined.Instrument.Value);
        }
    }

    // Writes are chained so the ledger sees quarantine and return to service in the order they happened.
    private Task RecordStatusAsync(InstrumentStatusRecord record)
    {
        if (_statusLedger is not { } ledger)
        {
            return Task.CompletedTask;
        }

        lock (_writeGate)
        {
            _statusWrites = WriteAfterAsync(_statusWrites, ledger, record);
            return _statusWrites;
        }
    }

    private async Task WriteAfterAsync(Task previous, IInstrumentStatusLedger ledger, InstrumentStatusRecord record)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await ledger.RecordInstrumentStatusAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LedgerException or ObjectDisposedException or InvalidOperationException)
        {
            Log.StatusNotRecorded(_logger, ex, record.Kind, record.Site.Value, record.Instrument.Value);
        }
    }
}
