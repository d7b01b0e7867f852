using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Workflow.Experiments;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>A campaign's state after one experiment finished.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name">The campaign's name (from its file).</param>
/// <param name="Finished">The experiment that just finished.</param>
/// <param name="Done">Experiments finished so far.</param>
/// <param name="Budget">The campaign's budget.</param>
/// <param name="Best">Best so far (one objective; null with several: see <see cref="FrontSize"/>).</param>
/// <param name="LabTime">Lab time since the campaign started.</param>
public sealed record CampaignProgress(
    CampaignId CampaignId,
    string Name,
    ExperimentOutcome Finished,
    int Done,
    int Budget,
    BestExperiment? Best,
    TimeSpan LabTime)
{
    /// <summary>With several objectives, how many completed experiments are on the Pareto front so far (default null).</summary>
    public int? FrontSize { get; init; }
}
