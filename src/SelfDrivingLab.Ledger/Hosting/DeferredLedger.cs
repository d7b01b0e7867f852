using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Hosting;

/// <summary>
/// The DI-registered <see cref="ILedger"/>: opens its store (the <see cref="SqliteLedger"/> at
/// <see cref="LedgerOptions.Path"/>, or a PostgreSQL ledger) on first use (opening is async, and a DI factory cannot
/// await), then forwards every call to it. <see cref="LedgerInitializer"/> forces the open at host start so a
/// bad file fails the start rather than the first experiment. Thread-safe; disposal is idempotent
/// because the container may dispose it under both of its registrations.
/// </summary>
/// <param name="openStore">Opens the store (for writing).</param>
/// <param name="location">Where the store is, before it is open.</param>
internal sealed class DeferredLedger(Func<CancellationToken, Task<ILedgerStore>> openStore, Func<string> location) : ILedger, IInstrumentStatusLedger, IControlAuditLedger, ILedgerTimeline, IAsyncDisposable
{
    private readonly SemaphoreSlim _openGate = new(1, 1);
    private ILedgerStore? _ledger;
    private bool _disposed;

    public string Location => Volatile.Read(ref _ledger)?.Location ?? location();

    public async ValueTask<ILedgerStore> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _ledger) is { } open)
        {
            return open;
        }

        await _openGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_ledger is null)
            {
                var ledger = await openStore(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _ledger, ledger);
            }

            return _ledger!;
        }
        finally
        {
            _openGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _openGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_ledger is { } ledger)
            {
                await ledger.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _openGate.Release();
        }
    }

    public async ValueTask CreateCampaignAsync(CampaignRecord campaign, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).CreateCampaignAsync(campaign, cancellationToken).ConfigureAwait(false);

    public async ValueTask<CampaignRecord?> FindCampaignAsync(CampaignId id, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).FindCampaignAsync(id, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<CampaignRecord>> ListCampaignsAsync(CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).ListCampaignsAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask SetCampaignStatusAsync(CampaignId id, CampaignStatus status, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).SetCampaignStatusAsync(id, status, at, cancellationToken).ConfigureAwait(false);

    public async ValueTask AddExperimentAsync(ExperimentRecord experiment, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).AddExperimentAsync(experiment, cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordTransitionAsync(StateTransitionRecord transition, ExperimentStatus status, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).RecordTransitionAsync(transition, status, cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordResultAsync(ExperimentId id, ExperimentResult result, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).RecordResultAsync(id, result, at, cancellationToken).ConfigureAwait(false);

    public async ValueTask ReviseCampaignAsync(CampaignRevisionRecord revision, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).ReviseCampaignAsync(revision, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<CampaignRevisionRecord>> GetCampaignRevisionsAsync(CampaignId id, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).GetCampaignRevisionsAsync(id, cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordPriorDataAsync(CampaignId campaignId, IReadOnlyList<PriorDataRecord> rows, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).RecordPriorDataAsync(campaignId, rows, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<PriorDataRecord>> GetPriorDataAsync(CampaignId campaignId, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).GetPriorDataAsync(campaignId, cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordCommandAsync(CommandRecord command, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).RecordCommandAsync(command, cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordBatchAsync(IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).RecordBatchAsync(writes, cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordEventAsync(InstrumentEventRecord instrumentEvent, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).RecordEventAsync(instrumentEvent, cancellationToken).ConfigureAwait(false);

    public async ValueTask<ExperimentRecord?> FindExperimentAsync(ExperimentId id, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).FindExperimentAsync(id, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<ExperimentRecord>> GetExperimentsAsync(CampaignId campaignId, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).GetExperimentsAsync(campaignId, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<StateTransitionRecord>> GetTransitionsAsync(ExperimentId id, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).GetTransitionsAsync(id, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<CommandRecord>> GetCommandsAsync(ExperimentId id, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).GetCommandsAsync(id, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<InstrumentEventRecord>> GetEventsAsync(CommandId id, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).GetEventsAsync(id, cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordInstrumentStatusAsync(InstrumentStatusRecord status, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).RecordInstrumentStatusAsync(status, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<InstrumentStatusRecord>> GetInstrumentStatusesAsync(CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).GetInstrumentStatusesAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask SetCampaignPauseAsync(CampaignId id, CampaignPause? pause, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).SetCampaignPauseAsync(id, pause, cancellationToken).ConfigureAwait(false);

    public async ValueTask RecordControlRequestAsync(ControlRequestRecord request, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).RecordControlRequestAsync(request, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<ControlRequestRecord>> GetControlRequestsAsync(CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).GetControlRequestsAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask<DateTimeOffset?> GetLatestRecordedTimeAsync(CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken).ConfigureAwait(false)).GetLatestRecordedTimeAsync(cancellationToken).ConfigureAwait(false);
}
