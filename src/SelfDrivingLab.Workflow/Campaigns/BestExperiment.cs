using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>The best completed experiment of a campaign so far.</summary>
/// <param name="Id">The experiment.</param>
/// <param name="Sequence">Its order in the campaign.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Value">Its measured objective.</param>
public sealed record BestExperiment(ExperimentId Id, int Sequence, ParameterSet Parameters, double Value);
