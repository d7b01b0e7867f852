using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Workflow.Control;

/// <summary>The host stopping its campaigns: dispatch held back, experiments parked, then interrupted.</summary>
public sealed partial class CampaignControl
{
    /// <inheritdoc />
    public bool IsDispatchAllowed(CampaignId campaign)
    {
        lock (_gate)
        {
            return !_campaigns.TryGetValue(campaign, out var c) || (c.Stopping is null && c.Paused is null);
        }
    }

    /// <inheritdoc />
    public bool IsInterrupted(CampaignId campaign)
    {
        lock (_gate)
        {
            return _campaigns.TryGetValue(campaign, out var c) && c.Interrupted;
        }
    }

    /// <summary>
    /// The host is stopping <paramref name="campaign"/>: from now on nothing new is dispatched (as when paused, and an
    /// operator's resume does not lift it); commands in flight finish. Called by the campaign runner.
    /// </summary>
    public void BeginStop(CampaignId campaign)
    {
        lock (_gate)
        {
            if (_campaigns.TryGetValue(campaign, out var c))
            {
                c.Stopping ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>
    /// How many experiments of <paramref name="campaign"/> are parked — waiting at the gate to dispatch or for an operator's
    /// approval, so with no command in flight — and a task that completes when that number next grows (read together,
    /// so no change is missed between the two).
    /// </summary>
    public (int Parked, Task Changed) ParkedExperiments(CampaignId campaign)
    {
        lock (_gate)
        {
            if (!_campaigns.TryGetValue(campaign, out var c))
            {
                return (0, Task.CompletedTask);
            }

            return (c.Parked + _approvals.Values.Count(w => w.Pending.Campaign == campaign), c.ParkedChanged.Task);
        }
    }

    /// <summary>
    /// Marks <paramref name="campaign"/> interrupted (see <see cref="IsInterrupted"/>): the runner then cancels its
    /// experiments, which stop where the ledger has them. Called by the campaign runner after the stop's grace period.
    /// </summary>
    public void Interrupt(CampaignId campaign)
    {
        lock (_gate)
        {
            if (_campaigns.TryGetValue(campaign, out var c))
            {
                c.Interrupted = true;
            }
        }
    }
}
