using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// The durable record of campaigns, experiments, state transitions, commands and events; the
/// source of truth the orchestrator writes <em>before</em> it acts. Implementations are thread-safe.
/// Every write is atomic: it either happens whole or throws <see cref="LedgerException"/> and changes nothing.
/// </summary>
public interface ILedger
{
    /// <summary>Where the ledger lives (a file path, or a description).</summary>
    string Location { get; }

    /// <summary>Stores a new campaign; throws when its id exists.</summary>
    ValueTask CreateCampaignAsync(CampaignRecord campaign, CancellationToken cancellationToken = default);

    /// <summary>The campaign, or null when unknown.</summary>
    ValueTask<CampaignRecord?> FindCampaignAsync(CampaignId id, CancellationToken cancellationToken = default);

    /// <summary>All campaigns, oldest first.</summary>
    ValueTask<IReadOnlyList<CampaignRecord>> ListCampaignsAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets a campaign's status; throws for an unknown id.</summary>
    ValueTask SetCampaignStatusAsync(CampaignId id, CampaignStatus status, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Stores a campaign's pause (null: it is not paused) for a restarted host to restore; throws for an unknown id.</summary>
    ValueTask SetCampaignPauseAsync(CampaignId id, CampaignPause? pause, CancellationToken cancellationToken = default);

    /// <summary>Stores a proposed experiment (with its first transition to its state); throws for an unknown campaign or a duplicate id or sequence.</summary>
    ValueTask AddExperimentAsync(ExperimentRecord experiment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves an experiment to <paramref name="status"/> and <see cref="StateTransitionRecord.To"/> and
    /// stores the transition, in one transaction. For <see cref="ExperimentStatus.Failed"/> and
    /// <see cref="ExperimentStatus.Aborted"/> the transition's detail becomes the failure reason.
    /// Throws for an unknown experiment, for a <see cref="StateTransitionRecord.From"/> that is not
    /// its current state, or when the experiment is already finished.
    /// </summary>
    ValueTask RecordTransitionAsync(StateTransitionRecord transition, ExperimentStatus status, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores what an experiment measured: every step's outputs, the merged measurements and the objective vector (whose
    /// first value is also <see cref="ExperimentRecord.Objective"/>). A failed experiment's outputs are stored with an
    /// empty vector. Throws for an unknown id or a non-finite objective value.
    /// </summary>
    ValueTask RecordResultAsync(ExperimentId id, ExperimentResult result, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a campaign's stored definition, identity, seed and budget by <paramref name="revision"/>'s and stores
    /// the revision, in one transaction. Throws for an unknown campaign.
    /// </summary>
    ValueTask ReviseCampaignAsync(CampaignRevisionRecord revision, CancellationToken cancellationToken = default);

    /// <summary>A campaign's revisions, oldest first (empty for a ledger older than schema 3).</summary>
    ValueTask<IReadOnlyList<CampaignRevisionRecord>> GetCampaignRevisionsAsync(CampaignId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a campaign's prior data (earlier measurements that train its model; never experiments) by
    /// <paramref name="rows"/>, in one transaction. Throws for an unknown campaign or a non-finite objective value.
    /// </summary>
    ValueTask RecordPriorDataAsync(CampaignId campaignId, IReadOnlyList<PriorDataRecord> rows, CancellationToken cancellationToken = default);

    /// <summary>A campaign's prior data in row order (empty when it has none, and for a ledger older than schema 4).</summary>
    ValueTask<IReadOnlyList<PriorDataRecord>> GetPriorDataAsync(CampaignId campaignId, CancellationToken cancellationToken = default);

    /// <summary>Stores a command before it is sent; throws for an unknown experiment or a duplicate command id.</summary>
    ValueTask RecordCommandAsync(CommandRecord command, CancellationToken cancellationToken = default);

    /// <summary>Stores an event about a command; throws for an unknown command id.</summary>
    ValueTask RecordEventAsync(InstrumentEventRecord instrumentEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="writes"/> in order in one transaction (one durable commit): each as its single operation
    /// (<see cref="RecordTransitionAsync"/>, <see cref="RecordCommandAsync"/>, <see cref="RecordEventAsync"/>,
    /// <see cref="RecordResultAsync"/>) stores it, with the same refusals, and a write sees the ones before it (a command
    /// and its events may go in one batch). When any write is refused, the batch throws <see cref="LedgerException"/> and
    /// stores nothing. An empty batch does nothing.
    /// </summary>
    ValueTask RecordBatchAsync(IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>The experiment, or null when unknown.</summary>
    ValueTask<ExperimentRecord?> FindExperimentAsync(ExperimentId id, CancellationToken cancellationToken = default);

    /// <summary>A campaign's experiments in sequence order.</summary>
    ValueTask<IReadOnlyList<ExperimentRecord>> GetExperimentsAsync(CampaignId campaignId, CancellationToken cancellationToken = default);

    /// <summary>An experiment's transitions, oldest first.</summary>
    ValueTask<IReadOnlyList<StateTransitionRecord>> GetTransitionsAsync(ExperimentId id, CancellationToken cancellationToken = default);

    /// <summary>An experiment's commands, oldest first.</summary>
    ValueTask<IReadOnlyList<CommandRecord>> GetCommandsAsync(ExperimentId id, CancellationToken cancellationToken = default);

    /// <summary>A command's events, oldest first.</summary>
    ValueTask<IReadOnlyList<InstrumentEventRecord>> GetEventsAsync(CommandId id, CancellationToken cancellationToken = default);
}
