using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Workflow.Control;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>
/// The closed loop of one campaign: ask the proposer for as many experiments as there are free
/// slots (accounting for those still running), store each proposal, run it through its workflow,
/// feed completed results back, until the budget is spent. Thread-safe per call.
/// </summary>
public sealed partial class CampaignRunner
{
    /// <summary>Default of <see cref="StopGracePeriod"/>: two minutes.</summary>
    public static readonly TimeSpan DefaultStopGracePeriod = TimeSpan.FromMinutes(2);

    private static readonly JsonSerializerOptions ProvenanceJson = new(JsonSerializerDefaults.Web);

    private readonly ILedger _ledger;
    private readonly ExperimentRunner _experiments;
    private readonly TimeProvider _time;
    private readonly IWorkTracker _work;
    private readonly ILogger<CampaignRunner> _logger;
    private readonly CampaignControl? _control;
    private readonly IExperimentGate _gate;

    /// <summary>Creates the runner; with <paramref name="control"/>, operators can pause, resume and abort its campaigns.</summary>
    public CampaignRunner(ILedger ledger, ExperimentRunner experiments, TimeProvider time, IWorkTracker work, ILogger<CampaignRunner> logger, CampaignControl? control = null)
    {
        _ledger = ledger;
        _experiments = experiments;
        _time = time;
        _work = work;
        _logger = logger;
        _control = control;
        _gate = (IExperimentGate?)control ?? OpenExperimentGate.Instance;
    }

    /// <summary>
    /// Whether a running campaign of the same name is resumed under a definition that changed in what defines it
    /// (default false: such a definition is refused with <see cref="CampaignChangedException"/>); see <see cref="CampaignResumePlan"/>.
    /// </summary>
    public bool AcceptChanges { get; init; }

    /// <summary>
    /// How long a stopping host (<see cref="RunAsync"/>'s token cancelled: SIGTERM, Ctrl-C) waits for commands in flight
    /// before it interrupts the campaign (default <see cref="DefaultStopGracePeriod"/>), counted on <see cref="StopClock"/>.
    /// </summary>
    public TimeSpan StopGracePeriod { get; init; } = DefaultStopGracePeriod;

    /// <summary>
    /// The clock the <see cref="StopGracePeriod"/> is counted on (default: the runner's clock). A host on the virtual
    /// clock counts it on the wall clock: what a stop request bounds is how long the process takes to exit, and the
    /// simulated commands in flight meanwhile finish in virtual time — a 90-minute print in milliseconds.
    /// </summary>
    public TimeProvider? StopClock { get; init; }

    /// <summary>
    /// Runs the campaign of <paramref name="definition"/> to its budget. When the ledger holds an
    /// unfinished (Running or Interrupted) campaign with the same name, that campaign is resumed if what defines it is unchanged
    /// (<see cref="CampaignResumePlan"/>): completed results feed the model again, experiments that were in flight
    /// continue from their recorded state, and only the rest of the budget is proposed. A definition that changed in
    /// what defines the campaign throws <see cref="CampaignChangedException"/> before anything is written, unless
    /// <see cref="AcceptChanges"/>; then, as for free changes, the ledger records the revision.
    /// Cancelling <paramref name="cancellationToken"/> stops the campaign without losing anything: nothing new is
    /// dispatched, commands in flight get <see cref="StopGracePeriod"/> to finish, and the campaign is stored
    /// <see cref="CampaignStatus.Interrupted"/> with its unfinished experiments where they are, for the next run to
    /// continue (this needs the <see cref="CampaignControl"/>; without one the experiments are aborted at once). Only an
    /// operator's abort ends a campaign <see cref="CampaignStatus.Aborted"/>.
    /// </summary>
    public async Task<CampaignSummary> RunAsync(CampaignDefinition definition, ICampaignObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var (state, inFlight, resumption) = await ResumeOrCreateAsync(definition, cancellationToken).ConfigureAwait(false);

        // Experiments run on the abort token alone: a stopping host does not cancel them, it interrupts them after its grace period.
        using var abort = new CancellationTokenSource();
        using var controlled = _control?.Attach(state.CampaignId, definition, abort);
        // From the moment the host stops, nothing new is dispatched (before the loop even notices).
        using var stopDispatch = cancellationToken.Register(() => _control?.BeginStop(state.CampaignId));
        if (state.StoredPause is { } pause && _control is not null)
        {
            // Paused when its last host stopped: it stays paused until an operator resumes it.
            _control.Pause(state.CampaignId.Value, pause.By, pause.Reason);
            Log.CampaignResumedPaused(_logger, state.CampaignId.Value, LogText.Escape(pause.By), LogText.Escape(pause.Reason) ?? "none given");
        }

        if (resumption is not null)
        {
            observer?.OnCampaignResumed(resumption with { Pause = _control is null ? null : state.StoredPause });
        }

        using var loopStop = CancellationTokenSource.CreateLinkedTokenSource(abort.Token, cancellationToken);
        try
        {
            foreach (var e in inFlight)
            {
                await StartAsync(state, e, proposing: null, abort.Token).ConfigureAwait(false);
            }

            await RunLoopAsync(state, observer, abort.Token, loopStop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NoInstrumentAvailableException or CampaignFailedException or InfeasibleSpaceException)
        {
            // A proposer that finds no point satisfying the constraints ends the campaign like any other reason it cannot go on.
            await abort.CancelAsync().ConfigureAwait(false);
            await DrainAsync(state, observer).ConfigureAwait(false);
            var why = ex is InfeasibleSpaceException ? $"the proposer found no experiment to propose: {ex.Message}" : ex.Message;
            return await FinishAsync(state, CampaignStatus.Failed, why).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return await AbortedAsync(state, observer).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await InterruptAsync(state, observer, abort).ConfigureAwait(false);
        }

        return await FinishAsync(state, CampaignStatus.Completed, null).ConfigureAwait(false);
    }

    // An operator's abort: in-flight experiments abort their commands.
    private async Task<CampaignSummary> AbortedAsync(LoopState state, ICampaignObserver? observer)
    {
        await DrainAsync(state, observer).ConfigureAwait(false);
        return await FinishAsync(state, CampaignStatus.Aborted, "an operator aborted the campaign before its budget was spent").ConfigureAwait(false);
    }

    /// <summary>
    /// The host is stopping: dispatch nothing new, wait (at most <see cref="StopGracePeriod"/>) until no command is in
    /// flight, then cancel the experiments, which stay where the ledger has them, and store the campaign Interrupted.
    /// </summary>
    private async Task<CampaignSummary> InterruptAsync(LoopState state, ICampaignObserver? observer, CancellationTokenSource abort)
    {
        if (_control is not null)
        {
            _control.BeginStop(state.CampaignId);
            Log.CampaignStopping(_logger, state.CampaignId.Value, state.Running.Count, StopGracePeriod);
            using var hold = new WorkHold(_work);
            using var graceOver = new CancellationTokenSource(StopGracePeriod, StopClock ?? _time);
            var grace = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var onGraceOver = graceOver.Token.Register(() => grace.TrySetResult());
            while (state.Running.Count > 0 && !graceOver.IsCancellationRequested && !abort.IsCancellationRequested)
            {
                var (parked, changed) = _control.ParkedExperiments(state.CampaignId);
                if (parked >= state.Running.Count)
                {
                    break; // every experiment still running waits at the gate or for approval: nothing is in flight
                }

                var finished = await hold.WaitAsync(Task.WhenAny([.. state.Running.Keys, changed, grace.Task])).ConfigureAwait(false);
                if (finished is Task<ExperimentOutcome> done && state.Running.Remove(done))
                {
                    Record(state, await done.ConfigureAwait(false), observer);
                }
            }

            if (abort.IsCancellationRequested)
            {
                return await AbortedAsync(state, observer).ConfigureAwait(false);
            }

            _control.Interrupt(state.CampaignId);
        }

        await abort.CancelAsync().ConfigureAwait(false);
        var leftInFlight = 0;
        foreach (var task in state.Running.Keys.ToArray())
        {
            var outcome = await task.ConfigureAwait(false);
            if (outcome.Status == ExperimentStatus.Running)
            {
                leftInFlight++;
            }
            else
            {
                Record(state, outcome, observer);
            }
        }

        state.Running.Clear();
        Log.CampaignInterrupted(_logger, state.CampaignId.Value, state.Finished, leftInFlight);
        return await FinishAsync(state, CampaignStatus.Interrupted, "the host was stopped before the budget was spent; the next run resumes the campaign").ConfigureAwait(false);
    }

    private async Task<(LoopState State, IReadOnlyList<ExperimentRecord> InFlight, CampaignResumption? Resumption)> ResumeOrCreateAsync(CampaignDefinition definition, CancellationToken cancellationToken)
    {
        var plan = await CampaignResumePlan.ForAsync(_ledger, definition, AcceptChanges, cancellationToken).ConfigureAwait(false);
        if (plan.IsRefused)
        {
            throw new CampaignChangedException(plan.Refusal(definition), plan.Changes);
        }

        if (plan.Campaign is not { } unfinished)
        {
            var started = _time.GetUtcNow();
            var campaignId = await NewCampaignIdAsync(definition.Name, started, cancellationToken).ConfigureAwait(false);
            await _ledger.CreateCampaignAsync(
                new CampaignRecord(campaignId, definition.Name, definition.SourceText, definition.Seed, definition.Budget, CampaignStatus.Running, started, started)
                {
                    Identity = plan.Identity.ToJson(),
                },
                cancellationToken).ConfigureAwait(false);
            Log.CampaignStarted(_logger, campaignId.Value, definition.Budget, definition.Parallel);
            var created = new LoopState(definition, campaignId, started);
            await StorePriorAsync(created, cancellationToken).ConfigureAwait(false);
            return (created, [], null);
        }

        var revision = plan.Revision(definition, _time.GetUtcNow());
        if (revision is not null)
        {
            await _ledger.ReviseCampaignAsync(revision, cancellationToken).ConfigureAwait(false);
            Log.CampaignRevised(_logger, unfinished.Id.Value, revision.Kind, string.Join("; ", revision.Changes));
        }

        var state = new LoopState(definition, unfinished.Id, unfinished.CreatedAt) { StoredPause = unfinished.Pause };
        await StorePriorAsync(state, cancellationToken).ConfigureAwait(false);
        var experiments = await _ledger.GetExperimentsAsync(unfinished.Id, cancellationToken).ConfigureAwait(false);
        foreach (var e in experiments)
        {
            state.Proposed = Math.Max(state.Proposed, e.Sequence);
            if (e.Status is ExperimentStatus.Completed or ExperimentStatus.Failed or ExperimentStatus.Aborted)
            {
                var outcome = new ExperimentOutcome(e.Id, e.Sequence, e.Status, e.Parameters, e.Measurements, e.Objective, e.FailureReason, e.UpdatedAt)
                {
                    Outputs = e.Outputs,
                    Objectives = e.Objectives,
                };
                Record(state, outcome, observer: null);
            }
        }

        Log.CampaignResumed(_logger, unfinished.Id.Value, state.Finished, experiments.Count - state.Finished, definition.Budget);
        var resumption = new CampaignResumption(
            unfinished.Id, definition.Name, state.Finished, experiments.Count - state.Finished, definition.Budget, _time.GetUtcNow() - unfinished.CreatedAt)
        {
            Revision = revision,
        };
        if (unfinished.Status == CampaignStatus.Interrupted)
        {
            await _ledger.SetCampaignStatusAsync(unfinished.Id, CampaignStatus.Running, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return (state, [.. experiments.Where(e => e.Status is ExperimentStatus.Proposed or ExperimentStatus.Running)], resumption);
    }

    /// <summary>
    /// The loop; experiments run on <paramref name="experimentToken"/> (the operator's abort), the loop itself stops on
    /// <paramref name="cancellationToken"/> (the abort or the host stopping).
    /// </summary>
    private async Task RunLoopAsync(LoopState state, ICampaignObserver? observer, CancellationToken experimentToken, CancellationToken cancellationToken)
    {
        var definition = state.Definition;
        // Prior rows train the model from the start, and the initial design shrinks by them.
        var proposer = ProposerFactory.Create(definition.Space, definition.Objectives, definition.Proposer.WithPrior(state.Prior.Count));
        using var hold = new WorkHold(_work);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = cancellationToken.Register(() => stopped.TrySetResult());
        while (state.Proposed < definition.Budget || state.Running.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Paused: propose nothing (the model would miss the results still to come), keep collecting results.
            var dispatch = _gate.WaitUntilDispatchAllowedAsync(state.CampaignId, cancellationToken).AsTask();
            var free = Math.Min(definition.Parallel - state.Running.Count, definition.Budget - state.Proposed);
            if (free > 0 && dispatch.IsCompleted)
            {
                await ProposeAndStartAsync(state, proposer, free, experimentToken, cancellationToken).ConfigureAwait(false);
            }

            if (state.Running.Count == 0 && dispatch.IsCompleted)
            {
                throw new CampaignFailedException($"the proposer returned no new experiment after {state.Proposed} of {definition.Budget}: the search space has no untested points left");
            }

            Task[] waitFor = dispatch.IsCompleted ? [.. state.Running.Keys, stopped.Task] : [.. state.Running.Keys, dispatch, stopped.Task];
            var finished = await hold.WaitAsync(Task.WhenAny(waitFor)).ConfigureAwait(false);
            if (finished == stopped.Task)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (finished == dispatch)
            {
                await dispatch.ConfigureAwait(false);
                continue;
            }

            var done = (Task<ExperimentOutcome>)finished;
            state.Running.Remove(done);
            var outcome = await done.ConfigureAwait(false);
            Record(state, outcome, observer);
            if (outcome.PauseCampaign && _control?.PauseOf(state.CampaignId) is { } policyPause)
            {
                // Stored, so a host restarted before a person looked resumes the campaign paused.
                await _ledger.SetCampaignPauseAsync(state.CampaignId, policyPause, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task ProposeAndStartAsync(LoopState state, IProposer proposer, int count, CancellationToken experimentToken, CancellationToken cancellationToken)
    {
        // Failed experiments teach the proposer where experiments fail (feasibility), never where the optimum is.
        var request = new ProposalRequest([.. state.Prior, .. state.Observations], [.. state.Running.Values], state.Proposed, count) { Failed = [.. state.FailedObservations] };
        // Model fitting is CPU work: keep it off the caller's thread (the loop's work hold keeps the clock still meanwhile).
        // Wall-clock stopwatch timestamps for the trace (lab time may be virtual).
        var proposing = (Start: Stopwatch.GetTimestamp(), End: 0L);
        var proposals = await Task.Run(() => proposer.Propose(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        proposing.End = Stopwatch.GetTimestamp();

        foreach (var proposal in proposals)
        {
            var sequence = ++state.Proposed;
            var id = new ExperimentId(DerivedIds.Experiment(state.CampaignId.Value, sequence));
            var now = _time.GetUtcNow();
            var record = new ExperimentRecord(
                id, state.CampaignId, sequence, proposal.Parameters, ExperimentStatus.Proposed, ExperimentStates.Proposed,
                JsonSerializer.Serialize(proposal.Provenance, ProvenanceJson), now, now);
            await _ledger.AddExperimentAsync(record, CancellationToken.None).ConfigureAwait(false);
            Log.ExperimentProposed(_logger, id.Value, LogText.Escape(proposal.Parameters.ToString()), proposal.Provenance.Strategy);
            await StartAsync(state, record, proposing, experimentToken).ConfigureAwait(false);
        }
    }

    // Start experiments one at a time, each up to its first instrument request: requests are
    // served in order, so the same seed gives the same run.
    private async Task StartAsync(LoopState state, ExperimentRecord record, (long Start, long End)? proposing, CancellationToken cancellationToken)
    {
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = ExperimentTrace.RunAsync(record, proposing, () => _experiments.RunAsync(record, state.Definition, () => queued.TrySetResult(), cancellationToken));
        state.Running.Add(running, record.Parameters);
        await Task.WhenAny(queued.Task, running).ConfigureAwait(false);
    }

    private void Record(LoopState state, ExperimentOutcome outcome, ICampaignObserver? observer)
    {
        state.Finished++;
        switch (outcome.Status)
        {
            case ExperimentStatus.Completed when outcome.Objective is { } value:
                state.Observations.Add(new Observation(outcome.Parameters, value) { Outputs = Outputs(outcome) });
                state.CompletedIds.Add((outcome.Id, outcome.Sequence));
                state.Completed++;
                if (state.Definition.IsMultiObjective)
                {
                    state.FrontSize = Recommender.MeasuredFront(state.Definition.Objectives, Completed(state)).Front.Count;
                }
                else if (state.Best is null || state.Definition.Objective.IsBetter(value, state.Best.Value))
                {
                    state.Best = new BestExperiment(outcome.Id, outcome.Sequence, outcome.Parameters, value);
                }

                break;
            case ExperimentStatus.Aborted:
                state.Aborted++;
                break;
            default:
                state.Failed++;
                state.FailedObservations.Add(new FailedObservation(outcome.Parameters, outcome.FailureReason));
                Log.ExperimentFailed(_logger, outcome.Id.Value, LogText.Escape(outcome.FailureReason) ?? "unknown");
                break;
        }

        if (outcome.PauseCampaign)
        {
            // The workflow's on-failure policy wants a person to look before anything else runs.
            _control?.Pause(state.CampaignId.Value, ApprovalPolicy.PolicyApprover, $"on_failure policy after {outcome.Id}: {outcome.PauseReason ?? outcome.FailureReason}");
        }

        observer?.OnExperimentFinished(new CampaignProgress(
            state.CampaignId, state.Definition.Name, outcome, state.Finished, state.Definition.Budget, state.Best, _time.GetUtcNow() - state.StartedAt)
        {
            FrontSize = state.Definition.IsMultiObjective ? state.FrontSize : null,
        });
    }

    private async Task DrainAsync(LoopState state, ICampaignObserver? observer)
    {
        foreach (var task in state.Running.Keys.ToArray())
        {
            try
            {
                Record(state, await task.ConfigureAwait(false), observer);
            }
            catch (Exception ex) when (ex is NoInstrumentAvailableException or OperationCanceledException)
            {
                state.Failed++;
            }
        }

        state.Running.Clear();
    }

    private async Task<CampaignSummary> FinishAsync(LoopState state, CampaignStatus status, string? error)
    {
        Recommendation? recommended = null;
        IReadOnlyList<ParetoExperiment>? front = null;
        IReadOnlyList<ParetoExperiment>? recommendedFront = null;
        (double? Volume, IReadOnlyList<ObjectiveValue>? Reference) hypervolume = (null, null);
        using (_work.Begin())
        {
            var completed = Completed(state);
            if (state.Definition.IsMultiObjective)
            {
                (front, hypervolume.Volume, hypervolume.Reference) = Recommender.MeasuredFront(state.Definition.Objectives, completed);
                recommendedFront = await Task.Run(() => Recommender.RecommendFront(state.Definition, state.Prior, completed, CancellationToken.None)).ConfigureAwait(false);
            }
            else
            {
                recommended = await Task.Run(() => Recommender.Recommend(state.Definition, state.Prior, completed, CancellationToken.None)).ConfigureAwait(false);
            }
        }

        var finished = _time.GetUtcNow();
        await _ledger.SetCampaignStatusAsync(state.CampaignId, status, finished, CancellationToken.None).ConfigureAwait(false);
        Log.CampaignFinished(_logger, state.CampaignId.Value, status, state.Completed, state.Failed);
        return new CampaignSummary(
            state.CampaignId, state.Definition.Name, status, state.Proposed, state.Completed, state.Failed, state.Aborted,
            state.Best, _ledger.Location, state.StartedAt, finished, error, recommended)
        {
            ParetoFront = front,
            RecommendedFront = recommendedFront,
            Hypervolume = hypervolume.Volume,
            ReferencePoint = hypervolume.Reference,
            PriorRows = state.Prior.Count,
        };
    }

    private static List<(BestExperiment Experiment, Observation Observation)> Completed(LoopState state) =>
        [.. state.Observations.Select((o, i) => (new BestExperiment(state.CompletedIds[i].Id, state.CompletedIds[i].Sequence, o.Parameters, o.Value), o))];

    /// <summary>Every output the experiment measured, with the objective vector's values (the ledger keeps both).</summary>
    private static ParameterSet? Outputs(ExperimentOutcome outcome)
    {
        var outputs = outcome.Measurements ?? ParameterSet.Empty;
        foreach (var objective in outcome.Objectives ?? [])
        {
            outputs = outputs.With(objective.Output, objective.Value);
        }

        return outputs.Count == 0 ? null : outputs;
    }

    /// <summary>
    /// Stores the prior rows the model uses as the campaign's prior data, unless the ledger already holds exactly them
    /// (a resumed campaign, whose identity fixes them, or one resumed under an accepted change, whose new rows replace them).
    /// </summary>
    private async Task StorePriorAsync(LoopState state, CancellationToken cancellationToken)
    {
        var objectives = state.Definition.Objectives;
        var rows = PriorDataCheck.Usable(state.Definition)
            .Select((r, i) => new PriorDataRecord(i, r.Line, r.Parameters, r.Outputs, [.. objectives.Select(o => new ObjectiveValue(o.Output, r.Outputs.GetNumber(o.Output)))]))
            .ToList();
        state.Prior.AddRange(rows.Select(r => new Observation(r.Parameters, r.Objectives[0].Value) { Outputs = r.Outputs }));
        var stored = await _ledger.GetPriorDataAsync(state.CampaignId, cancellationToken).ConfigureAwait(false);
        var same = stored.Count == rows.Count && stored.Zip(rows).All(p => p.First.Parameters.Equals(p.Second.Parameters) && p.First.Outputs.Equals(p.Second.Outputs));
        if (!same)
        {
            await _ledger.RecordPriorDataAsync(state.CampaignId, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CampaignId> NewCampaignIdAsync(string name, DateTimeOffset started, CancellationToken cancellationToken)
    {
        for (var n = 1; n <= DerivedIds.MaxCampaignCollision; n++)
        {
            var candidate = new CampaignId(DerivedIds.Campaign(name, started, n));
            if (await _ledger.FindCampaignAsync(candidate, cancellationToken).ConfigureAwait(false) is null)
            {
                return candidate;
            }
        }

        throw new CampaignFailedException($"the ledger already holds {DerivedIds.MaxCampaignCollision} campaigns named '{name}' started at {started:O}; start it a second later");
    }

    private sealed class LoopState(CampaignDefinition definition, CampaignId campaignId, DateTimeOffset startedAt)
    {
        public CampaignDefinition Definition { get; } = definition;

        public CampaignId CampaignId { get; } = campaignId;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public List<Observation> Prior { get; } = [];

        public List<Observation> Observations { get; } = [];

        public List<(ExperimentId Id, int Sequence)> CompletedIds { get; } = [];

        public List<FailedObservation> FailedObservations { get; } = [];

        public Dictionary<Task<ExperimentOutcome>, ParameterSet> Running { get; } = [];

        public int Proposed { get; set; }

        public int Finished { get; set; }

        public int Completed { get; set; }

        public int Failed { get; set; }

        public int Aborted { get; set; }

        public BestExperiment? Best { get; set; }

        public CampaignPause? StoredPause { get; init; }

        public int FrontSize { get; set; }
    }
}
