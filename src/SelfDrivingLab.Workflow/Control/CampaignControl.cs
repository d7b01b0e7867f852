using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Workflow.Experiments;

namespace SelfDrivingLab.Workflow.Control;

/// <summary>
/// The operator's hold on running campaigns: pause (in-flight steps finish, nothing new is
/// dispatched or proposed), resume, abort (in-flight commands are aborted at their instruments), and
/// the approval gate (proposals inside the campaign's safe bounds are approved by policy, the rest
/// wait for <see cref="Approve"/> or <see cref="Reject"/>). This is the API the CLI's control channel
/// and a dashboard use. Thread-safe.
/// </summary>
public sealed partial class CampaignControl : IExperimentGate
{
    private readonly TimeProvider _time;
    private readonly IWorkTracker _work;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<CampaignId, ControlledCampaign> _campaigns = [];
    private readonly Dictionary<ExperimentId, Waiting> _approvals = [];

    /// <summary>
    /// Creates the control; <paramref name="time"/> stamps pending approvals; <paramref name="work"/> (default
    /// <see cref="NoWorkTracker"/>) counts a resume's and a decision's hand-over to the waiting campaign as work, so a
    /// virtual clock never jumps while the woken experiment is about to dispatch.
    /// </summary>
    public CampaignControl(TimeProvider time, ILogger<CampaignControl>? logger = null, IWorkTracker? work = null)
    {
        _time = time;
        _work = work ?? NoWorkTracker.Instance;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Raised (outside the lock) when a proposal starts waiting for an operator.</summary>
    public event Action<PendingApproval>? ApprovalRequested;

    /// <summary>The running campaigns.</summary>
    public IReadOnlyList<CampaignControlStatus> Campaigns
    {
        get
        {
            lock (_gate)
            {
                return [.. _campaigns.Values.Select(c => new CampaignControlStatus(
                    c.Id, c.Definition.Name, c.StateName, c.Definition.Priority, c.ChangedBy, c.Reason,
                    _approvals.Values.Count(w => w.Pending.Campaign == c.Id)))];
            }
        }
    }

    /// <summary>Proposals waiting for an operator, oldest first.</summary>
    public IReadOnlyList<PendingApproval> PendingApprovals
    {
        get
        {
            lock (_gate)
            {
                return [.. _approvals.Values.Select(w => w.Pending).OrderBy(p => p.Since).ThenBy(p => p.Experiment.Value, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// Puts a starting campaign under control until the returned handle is disposed;
    /// <see cref="Abort"/> cancels <paramref name="abort"/>.
    /// </summary>
    public IDisposable Attach(CampaignId id, CampaignDefinition definition, CancellationTokenSource abort)
    {
        lock (_gate)
        {
            _campaigns[id] = new ControlledCampaign(id, definition, abort);
        }

        return new Detacher(this, id);
    }

    /// <summary>Pauses a campaign (by id or name): in-flight steps finish, nothing new is dispatched or proposed.</summary>
    public OperatorResult Pause(string campaign, string operatorName, string? reason = null)
    {
        lock (_gate)
        {
            if (!TryFind(campaign, out var c, out var problem))
            {
                return OperatorResult.Refused(problem);
            }

            if (c.Aborting)
            {
                return OperatorResult.Refused($"campaign {c.Id} is being aborted");
            }

            if (c.Paused is not null)
            {
                return OperatorResult.Done($"campaign {c.Id} was already paused by {c.ChangedBy}");
            }

            c.Paused = new TrackedCompletionSource<bool>(_work);
            c.PausedAt = _time.GetUtcNow();
            c.ChangedBy = operatorName;
            c.Reason = reason;
            Log.CampaignPaused(_logger, c.Id.Value, LogText.Escape(operatorName), LogText.Escape(reason) ?? "none given");
            return OperatorResult.Done($"campaign {c.Id} paused: in-flight steps finish, nothing new is dispatched");
        }
    }

    /// <summary>Resumes a paused campaign (by id or name).</summary>
    public OperatorResult Resume(string campaign, string operatorName)
    {
        TrackedCompletionSource<bool>? paused;
        CampaignId id;
        lock (_gate)
        {
            if (!TryFind(campaign, out var c, out var problem))
            {
                return OperatorResult.Refused(problem);
            }

            id = c.Id;
            paused = c.Paused;
            if (paused is null)
            {
                return OperatorResult.Done($"campaign {c.Id} is not paused");
            }

            c.Paused = null;
            c.ChangedBy = operatorName;
            c.Reason = null;
        }

        Log.CampaignResumed(_logger, id.Value, LogText.Escape(operatorName));
        paused.TrySetResult(true);
        return OperatorResult.Done($"campaign {id} resumed");
    }

    /// <summary>Aborts a campaign (by id or name): in-flight commands are aborted at their instruments; the campaign ends Aborted.</summary>
    public OperatorResult Abort(string campaign, string operatorName, string? reason = null)
    {
        ControlledCampaign c;
        lock (_gate)
        {
            if (!TryFind(campaign, out c!, out var problem))
            {
                return OperatorResult.Refused(problem);
            }

            c.Aborting = true;
            c.ChangedBy = operatorName;
            c.Reason = reason;
        }

        Log.CampaignAborted(_logger, c.Id.Value, LogText.Escape(operatorName), LogText.Escape(reason) ?? "none given");
        c.AbortSource.Cancel();
        return OperatorResult.Done($"campaign {c.Id} is being aborted");
    }

    /// <summary>Approves a proposal waiting at the gate.</summary>
    public OperatorResult Approve(string experiment, string operatorName, string? reason = null) =>
        Decide(experiment, new ApprovalDecision(true, operatorName, reason));

    /// <summary>Rejects a proposal waiting at the gate; the experiment ends Aborted with the reason.</summary>
    public OperatorResult Reject(string experiment, string operatorName, string? reason = null) =>
        Decide(experiment, new ApprovalDecision(false, operatorName, reason));

    /// <summary>
    /// <paramref name="campaign"/>'s pause as the ledger stores it (<see cref="ILedger.SetCampaignPauseAsync"/>), so a
    /// restarted host resumes it paused; null when it is not paused (or not under control).
    /// </summary>
    public CampaignPause? PauseOf(CampaignId campaign)
    {
        lock (_gate)
        {
            return _campaigns.TryGetValue(campaign, out var c) && c.Paused is not null
                ? new CampaignPause(c.PausedAt, c.ChangedBy ?? ApprovalPolicy.PolicyApprover, c.Reason)
                : null;
        }
    }

    /// <summary>True while <paramref name="campaign"/> is paused.</summary>
    public bool IsPaused(CampaignId campaign)
    {
        lock (_gate)
        {
            return _campaigns.TryGetValue(campaign, out var c) && c.Paused is not null;
        }
    }

    /// <inheritdoc />
    public bool RequiresApproval(CampaignDefinition campaign) => campaign.Approval is not null;

    /// <inheritdoc />
    public async ValueTask<ApprovalDecision> WaitForApprovalAsync(ExperimentRecord experiment, CampaignDefinition campaign, CancellationToken cancellationToken = default)
    {
        if (campaign.Approval is not { } policy)
        {
            return new ApprovalDecision(true, ApprovalPolicy.PolicyApprover, "the campaign needs no approval");
        }

        if (policy.AutoApproves(experiment.Parameters, out var why))
        {
            return new ApprovalDecision(true, ApprovalPolicy.PolicyApprover, why);
        }

        var pending = new PendingApproval(experiment.Id, experiment.CampaignId, campaign.Name, experiment.Parameters, why, _time.GetUtcNow());
        var waiting = new Waiting(pending, _work);
        lock (_gate)
        {
            _approvals[experiment.Id] = waiting;
            if (_campaigns.TryGetValue(experiment.CampaignId, out var owner))
            {
                owner.SignalParked();
            }
        }

        Log.ApprovalRequested(_logger, experiment.Id.Value, LogText.Escape(why));
        ApprovalRequested?.Invoke(pending);
        try
        {
            return await waiting.Decision.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _approvals.Remove(experiment.Id);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask WaitUntilDispatchAllowedAsync(CampaignId campaign, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task? blocked;
            ControlledCampaign? c;
            lock (_gate)
            {
                blocked = _campaigns.TryGetValue(campaign, out c) ? c.Stopping?.Task ?? c.Paused?.Task : null;
                if (blocked is not null)
                {
                    c!.Parked++;
                    c.SignalParked();
                }
            }

            if (blocked is null)
            {
                return;
            }

            try
            {
                await blocked.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    c!.Parked--;
                }
            }
        }
    }

    private OperatorResult Decide(string experiment, ApprovalDecision decision)
    {
        Waiting? waiting;
        lock (_gate)
        {
            var match = _approvals.Keys.FirstOrDefault(k => k.Value == experiment);
            if (match == default || !_approvals.Remove(match, out waiting))
            {
                var pending = _approvals.Count == 0 ? "none is waiting" : "waiting: " + string.Join(", ", _approvals.Keys.Select(k => k.Value).Order(StringComparer.Ordinal));
                return OperatorResult.Refused($"no proposal '{experiment}' is waiting for approval ({pending})");
            }
        }

        Log.ApprovalDecided(_logger, LogText.Escape(experiment), decision.Approved ? "approved" : "rejected", LogText.Escape(decision.DecidedBy));
        waiting.Decision.TrySetResult(decision);
        return OperatorResult.Done($"{experiment} {(decision.Approved ? "approved" : "rejected")} by {decision.DecidedBy}");
    }

    private bool TryFind(string campaign, out ControlledCampaign found, out string problem)
    {
        var byId = _campaigns.Values.FirstOrDefault(c => c.Id.Value == campaign);
        var byName = _campaigns.Values.Where(c => c.Definition.Name == campaign).ToList();
        if (byId is not null || byName.Count == 1)
        {
            found = byId ?? byName[0];
            problem = string.Empty;
            return true;
        }

        found = null!;
        var running = _campaigns.Count == 0 ? "none is running" : "running: " + string.Join(", ", _campaigns.Values.Select(c => $"{c.Id} ({c.Definition.Name})").Order(StringComparer.Ordinal));
        problem = byName.Count > 1
            ? $"campaign name '{campaign}' is ambiguous; give the id ({running})"
            : $"no running campaign has the id or name '{campaign}' ({running})";
        return false;
    }

    private void Detach(CampaignId id)
    {
        TrackedCompletionSource<bool>? paused;
        lock (_gate)
        {
            paused = _campaigns.Remove(id, out var c) ? c.Paused : null;
        }

        paused?.TrySetResult(true);
    }

    private sealed class ControlledCampaign(CampaignId id, CampaignDefinition definition, CancellationTokenSource abort)
    {
        public CampaignId Id { get; } = id;

        public CampaignDefinition Definition { get; } = definition;

        public CancellationTokenSource AbortSource { get; } = abort;

        public TrackedCompletionSource<bool>? Paused { get; set; }

        public DateTimeOffset PausedAt { get; set; }

        public bool Aborting { get; set; }

        /// <summary>Set when the host stops: never completed, so dispatch waits until the experiment is cancelled.</summary>
        public TaskCompletionSource? Stopping { get; set; }

        public bool Interrupted { get; set; }

        /// <summary>Experiments waiting at the gate to dispatch (under the control's lock).</summary>
        public int Parked { get; set; }

        public TaskCompletionSource ParkedChanged { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? ChangedBy { get; set; }

        public string? Reason { get; set; }

        public string StateName => Aborting ? "aborting" : Stopping is not null ? "stopping" : Paused is not null ? "paused" : "running";

        /// <summary>Wakes whoever waits for the parked count to change (call under the control's lock).</summary>
        public void SignalParked()
        {
            var changed = ParkedChanged;
            ParkedChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    private sealed class Waiting(PendingApproval pending, IWorkTracker work)
    {
        public PendingApproval Pending { get; } = pending;

        public TrackedCompletionSource<ApprovalDecision> Decision { get; } = new(work);
    }

    private sealed class Detacher(CampaignControl owner, CampaignId id) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Detach(id);
            }
        }
    }
}
