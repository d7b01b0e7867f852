using SelfDrivingLab.Materials.Formulas;
using SelfDrivingLab.PropertyModels.Learning;
using SelfDrivingLab.PropertyModels.Screening;

namespace SelfDrivingLab.PropertyModels.Tests.Screening;

public sealed class ScreenerTests
{
    private static readonly Composition[] Candidates = [.. new[] { "Li", "LiO", "Li2O", "LiFeO2", "Fe2O3" }.Select(ChemicalFormula.Parse)];

    /// <summary>Predicts the number of elements (feature 0, the 0-norm) with a fixed uncertainty.</summary>
    private sealed record ElementCount(double Uncertainty) : TabularPredictor
    {
        public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation)
        {
            for (var i = 0; i < x.Length; i++)
            {
                mean[i] = x[i][0];
                standardDeviation[i] = Uncertainty;
            }
        }
    }

    /// <summary>"Probability" = the 2-norm of the atomic fractions (feature 1), with no uncertainty.</summary>
    private sealed record Share : TabularPredictor
    {
        public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation)
        {
            for (var i = 0; i < x.Length; i++)
            {
                mean[i] = x[i][1];
                standardDeviation[i] = 0;
            }
        }
    }

    private static PropertyModel Model(string name, PropertyTask task, TabularPredictor predictor) =>
        new(new PropertyModelInfo(name, name, task, ModelKind.GradientBoostedTrees, string.Empty, [], 1, null), predictor);

    [Fact]
    public void Screen_KeepsOnlyCandidatesMeetingEveryCriterion()
    {
        var models = new[] { Model("n", PropertyTask.Regression, new ElementCount(0.5)) };

        var result = Screener.Screen(Candidates, models, [ScreenCriterion.Parse("n between 1.5 and 2.5")]);

        Assert.Equal(5, result.Enumerated);
        Assert.Equal(["Fe2O3", "Li2O", "LiO"], result.Ranked.Select(c => c.Composition.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Screen_RanksByTheProductOfCriterionProbabilities()
    {
        // The 2-norm of the fractions: LiO 0.707, Li2O 0.745, Fe2O3 0.721 — higher is more probable.
        var models = new[] { Model("n", PropertyTask.Regression, new ElementCount(0.5)), Model("c", PropertyTask.Classification, new Share()) };

        var result = Screener.Screen(Candidates, models, [ScreenCriterion.Parse("n between 1.5 and 2.5"), ScreenCriterion.Parse("P(c) >= 0.5")], top: 2);

        Assert.Equal(["Li2O", "Fe2O3"], result.Ranked.Select(c => c.Composition.ToString()));
        Assert.Equal(result.Ranked[0].Predictions[1].Value * 0.682689492137, result.Ranked[0].Score, 9);
    }

    [Fact]
    public void Screen_CriterionNamingNoModel_ListsTheModels()
    {
        var models = new[] { Model("gap", PropertyTask.Regression, new ElementCount(0)) };

        var error = Assert.Throws<ArgumentException>(() => Screener.Screen(Candidates, models, [ScreenCriterion.Parse("P(gap) >= 0.5")]));

        Assert.Contains("the models are gap", error.Message, StringComparison.Ordinal);
    }
}
