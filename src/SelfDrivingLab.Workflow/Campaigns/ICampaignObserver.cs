namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>Receives campaign progress (e.g. the CLI's progress display). Called from the campaign loop; keep it quick.</summary>
public interface ICampaignObserver
{
    /// <summary>An experiment finished.</summary>
    void OnExperimentFinished(CampaignProgress progress);

    /// <summary>
    /// An unfinished campaign was found in the ledger and is resumed; called once, before its in-flight
    /// experiments continue. Does nothing unless implemented.
    /// </summary>
    void OnCampaignResumed(CampaignResumption resumption)
    {
    }
}
