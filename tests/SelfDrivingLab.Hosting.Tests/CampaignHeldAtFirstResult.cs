using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests;

/// <summary>
/// Holds a campaign at its first result (the runner's clock cannot move while the callback runs) until the test releases
/// it: on the virtual clock the rest of a campaign can otherwise finish before the test has done what it needs a running
/// host for.
/// </summary>
internal sealed class CampaignHeldAtFirstResult(TimeSpan bound) : ICampaignObserver, IDisposable
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _released = new();

    public Task FirstResult => _first.Task;

    public void Release() => _released.Set();

    public void OnExperimentFinished(CampaignProgress progress)
    {
        if (_first.TrySetResult())
        {
            Assert.True(_released.Wait(bound), "the test did not release the campaign");
        }
    }

    public void Dispose() => _released.Dispose();
}
