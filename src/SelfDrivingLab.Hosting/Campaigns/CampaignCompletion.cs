using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>Hands the campaign's summary (or its failure) from the background service to whoever started the host.</summary>
internal sealed class CampaignCompletion
{
    private readonly TaskCompletionSource<CampaignSummary> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<CampaignSummary> Result => _result.Task;

    public void Complete(CampaignSummary summary) => _result.TrySetResult(summary);

    public void Fail(Exception error) => _result.TrySetException(error);

    public void Cancel() => _result.TrySetCanceled();
}
