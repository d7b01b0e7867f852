namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>Receives campaign progress (e.g. the CLI's progress display). Called from the campaign loop; keep it quick.</summary>
public interface ICampaignObserver
{
    /// <summary>An experiment finished.</summary>
    void OnExperimentFinished(CampaignProgress progress);
}
