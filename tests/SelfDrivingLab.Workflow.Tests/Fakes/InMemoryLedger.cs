using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Tests.Fakes;

/// <summary>A ledger in memory that enforces the same rules the SQLite one does for the calls the workflow makes.</summary>
internal sealed class InMemoryLedger : ILedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CampaignId, CampaignRecord> _campaigns = [];
    private readonly Dictionary<ExperimentId, ExperimentRecord> _experiments = [];
    private readonly List<StateTransitionRecord> _transitions = [];
    private readonly List<CommandRecord> _commands = [];
    private readonly List<InstrumentEventRecord> _events = [];
    private readonly List<CampaignRevisionRecord> _revisions = [];
    private readonly Dictionary<CampaignId, IReadOnlyList<PriorDataRecord>> _prior = [];

    private bool _batching;
    private int _commits;

    public string Location => "memory";

    /// <summary>Commits made: one per single write, one per batch.</summary>
    public int Commits { get { lock (_gate) { return _commits; } } }

    public IReadOnlyList<CommandRecord> Commands { get { lock (_gate) { return [.. _commands]; } } }

    public IReadOnlyList<InstrumentEventRecord> Events { get { lock (_gate) { return [.. _events]; } } }

    public ValueTask CreateCampaignAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_campaigns.TryAdd(campaign.Id, campaign))
            {
                throw new LedgerException($"campaign {campaign.Id} exists");
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<CampaignRecord?> FindCampaignAsync(CampaignId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_campaigns.GetValueOrDefault(id));
        }
    }

    public ValueTask<IReadOnlyList<CampaignRecord>> ListCampaignsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<CampaignRecord>>([.. _campaigns.Values]);
        }
    }

    public ValueTask SetCampaignStatusAsync(CampaignId id, CampaignStatus status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _campaigns[id] = Campaign(id) with { Status = status, UpdatedAt = at };
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SetCampaignPauseAsync(CampaignId id, CampaignPause? pause, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _campaigns[id] = Campaign(id) with { Pause = pause };
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask AddExperimentAsync(ExperimentRecord experiment, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Committed();
            Campaign(experiment.CampaignId);
            if (!_experiments.TryAdd(experiment.Id, experiment))
            {
                throw new LedgerException($"experiment {experiment.Id} exists");
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RecordTransitionAsync(StateTransitionRecord transition, ExperimentStatus status, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Committed();
            var e = Experiment(transition.ExperimentId);
            if (e.State != transition.From)
            {
                throw new LedgerException($"experiment {e.Id} is in {e.State}, not {transition.From}");
            }

            if (e.Status is ExperimentStatus.Completed or ExperimentStatus.Failed or ExperimentStatus.Aborted)
            {
                throw new LedgerException($"experiment {e.Id} is finished");
            }

            var reason = status is ExperimentStatus.Failed or ExperimentStatus.Aborted ? transition.Detail : e.FailureReason;
            _experiments[e.Id] = e with { State = transition.To, Status = status, UpdatedAt = transition.At, FailureReason = reason };
            _transitions.Add(transition);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RecordResultAsync(ExperimentId id, ExperimentResult result, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (result.Objectives.Any(o => !double.IsFinite(o.Value)))
        {
            throw new LedgerException("objective must be finite");
        }

        lock (_gate)
        {
            Committed();
            _experiments[id] = Experiment(id) with
            {
                Measurements = result.Measurements,
                Outputs = result.Outputs,
                Objective = result.Objectives.Count == 0 ? null : result.Objectives[0].Value,
                Objectives = result.Objectives.Count == 0 ? null : result.Objectives,
                UpdatedAt = at,
            };
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RecordPriorDataAsync(CampaignId campaignId, IReadOnlyList<PriorDataRecord> rows, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _ = Campaign(campaignId);
            _prior[campaignId] = [.. rows];
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<PriorDataRecord>> GetPriorDataAsync(CampaignId campaignId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_prior.TryGetValue(campaignId, out var rows) ? rows : []);
        }
    }

    public ValueTask ReviseCampaignAsync(CampaignRevisionRecord revision, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _campaigns[revision.CampaignId] = Campaign(revision.CampaignId) with
            {
                Definition = revision.Definition,
                Identity = revision.Identity,
                Seed = revision.Seed,
                Budget = revision.Budget,
            };
            _revisions.Add(revision);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CampaignRevisionRecord>> GetCampaignRevisionsAsync(CampaignId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<CampaignRevisionRecord>>([.. _revisions.Where(r => r.CampaignId == id)]);
        }
    }

    public ValueTask RecordCommandAsync(CommandRecord command, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Committed();
            Experiment(command.ExperimentId);
            if (_commands.Any(c => c.Id == command.Id))
            {
                throw new LedgerException($"command {command.Id} exists");
            }

            _commands.Add(command);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RecordEventAsync(InstrumentEventRecord instrumentEvent, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Committed();
            if (!_commands.Any(c => c.Id == instrumentEvent.CommandId))
            {
                throw new LedgerException($"unknown command {instrumentEvent.CommandId}");
            }

            _events.Add(instrumentEvent);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RecordBatchAsync(IReadOnlyList<LedgerWrite> writes, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // All or nothing, as the stores' one transaction: restore what the batch changed when a write is refused.
            var experiments = new Dictionary<ExperimentId, ExperimentRecord>(_experiments);
            var (transitions, commands, events) = (_transitions.Count, _commands.Count, _events.Count);
            _batching = true;
            try
            {
                foreach (var write in writes)
                {
                    var applying = write switch
                    {
                        LedgerTransitionWrite t => RecordTransitionAsync(t.Transition, t.Status, cancellationToken),
                        LedgerCommandWrite c => RecordCommandAsync(c.Command, cancellationToken),
                        LedgerEventWrite e => RecordEventAsync(e.Event, cancellationToken),
                        LedgerResultWrite r => RecordResultAsync(r.ExperimentId, r.Result, r.At, cancellationToken),
                        _ => throw new LedgerException("unknown write"),
                    };
                    if (!applying.IsCompletedSuccessfully)
                    {
                        throw new InvalidOperationException("the in-memory ledger's writes complete at once");
                    }
                }
            }
            catch
            {
                _experiments.Clear();
                foreach (var (id, e) in experiments)
                {
                    _experiments[id] = e;
                }

                _transitions.RemoveRange(transitions, _transitions.Count - transitions);
                _commands.RemoveRange(commands, _commands.Count - commands);
                _events.RemoveRange(events, _events.Count - events);
                throw;
            }
            finally
            {
                _batching = false;
            }

            if (writes.Count > 0)
            {
                _commits++;
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<ExperimentRecord?> FindExperimentAsync(ExperimentId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_experiments.GetValueOrDefault(id));
        }
    }

    public ValueTask<IReadOnlyList<ExperimentRecord>> GetExperimentsAsync(CampaignId campaignId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<ExperimentRecord>>([.. _experiments.Values.Where(e => e.CampaignId == campaignId).OrderBy(e => e.Sequence)]);
        }
    }

    public ValueTask<IReadOnlyList<StateTransitionRecord>> GetTransitionsAsync(ExperimentId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<StateTransitionRecord>>([.. _transitions.Where(t => t.ExperimentId == id)]);
        }
    }

    public ValueTask<IReadOnlyList<CommandRecord>> GetCommandsAsync(ExperimentId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<CommandRecord>>([.. _commands.Where(c => c.ExperimentId == id)]);
        }
    }

    public ValueTask<IReadOnlyList<InstrumentEventRecord>> GetEventsAsync(CommandId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<InstrumentEventRecord>>([.. _events.Where(e => e.CommandId == id)]);
        }
    }

    private CampaignRecord Campaign(CampaignId id) =>
        _campaigns.TryGetValue(id, out var c) ? c : throw new LedgerException($"unknown campaign {id}");

    private ExperimentRecord Experiment(ExperimentId id) =>
        _experiments.TryGetValue(id, out var e) ? e : throw new LedgerException($"unknown experiment {id}");

    private void Committed()
    {
        if (!_batching)
        {
            _commits++;
        }
    }
}
