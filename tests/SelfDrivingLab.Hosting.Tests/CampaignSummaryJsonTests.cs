using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests;

public sealed class CampaignSummaryJsonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static CampaignSummary Summary() => new(
        new CampaignId("c1"), "pareto", CampaignStatus.Completed, 4, 4, 0, 0, null, "ledger.db", T0, T0.AddHours(3));

    [Fact]
    public void ToJson_SeveralObjectives_ReportsTheFrontsHypervolumeAndReferencePoint()
    {
        var member = new ParetoExperiment(new ExperimentId("e2"), 2, new ParameterSet([new("x", 0.5)]), [new ObjectiveValue("y", 0.5), new ObjectiveValue("z", 0.09)]);
        var summary = Summary() with
        {
            ParetoFront = [member],
            RecommendedFront = [member with { Predicted = [new ObjectiveValue("y", 0.48), new ObjectiveValue("z", 0.1)], PredictedStandardDeviations = [0.02, 0.01] }],
            Hypervolume = 0.25,
            ReferencePoint = [new ObjectiveValue("y", 0), new ObjectiveValue("z", 0.6)],
            PriorRows = 3,
        };

        var json = CampaignSummaryJson.ToJson(summary);

        var front = json["pareto_front"]!.AsArray();
        Assert.Equal("e2", (string?)Assert.Single(front)!["experiment"]);
        Assert.Equal(0.09, (double)front[0]!["objectives"]!["z"]!);
        Assert.Equal(0.5, (double)front[0]!["parameters"]!["x"]!);
        Assert.Equal(0.01, (double)json["recommended_front"]![0]!["predicted_sd"]!["z"]!);
        Assert.Equal(0.25, (double)json["hypervolume"]!);
        Assert.Equal(0.6, (double)json["reference_point"]!["z"]!);
        Assert.Equal(3, (int)json["prior_rows"]!);
        Assert.Null(json["best"]);
    }

    [Fact]
    public void ToJson_OneObjective_HasNoFront()
    {
        var json = CampaignSummaryJson.ToJson(Summary() with { Best = new BestExperiment(new ExperimentId("e1"), 1, ParameterSet.Empty, 2.5) });

        Assert.False(json.ContainsKey("pareto_front"));
        Assert.Equal(2.5, (double)json["best"]!["value"]!);
        Assert.Equal(0, (int)json["prior_rows"]!);
    }
}
