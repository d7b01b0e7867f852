using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>Hands the campaigns' summaries (or its failure) from the background service to whoever started the host.</summary>
internal sealed class CampaignCompletion
{
    private readonly TaskCompletionSource<IReadOnlyList<CampaignSummary>> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IReadOnlyList<CampaignSummary>> Result => _result.Task;

    public void Complete(IReadOnlyList<CampaignSummary> summaries) => _result.TrySetResult(summaries);

    public void Fail(Exception error) => _result.TrySetException(error);

    public void Cancel() => _result.TrySetCanceled();
}
