using SelfDrivingLab.PropertyModels.Evaluation;

namespace SelfDrivingLab.PropertyModels.Tests;

public sealed class PropertyModelTrainerTests
{
    private static readonly ModelSettings SmallBoosted = new() { EnsembleMembers = 2, Trees = 60, LearningRate = 0.2 };

    [Fact]
    public void Train_RidgeOnALinearFunctionOfAFeature_PredictsHeldOutRows()
    {
        var train = SyntheticTables.Regression(c => (2 * SyntheticTables.MeanElectronegativity(c)) + 1, SyntheticTables.Split.Train);
        var test = SyntheticTables.Regression(c => (2 * SyntheticTables.MeanElectronegativity(c)) + 1, SyntheticTables.Split.Test);

        var model = PropertyModelTrainer.Train(train, new ModelSettings { Kind = ModelKind.Ridge });
        var predicted = model.Predict(test.Compositions).Select(p => p.Value).ToArray();

        Assert.True(Metrics.MeanAbsoluteError(test.Values, predicted) < 0.05, $"MAE {Metrics.MeanAbsoluteError(test.Values, predicted)}");
    }

    [Fact]
    public void Train_BoostedTrees_BeatPredictingTheMean()
    {
        var train = SyntheticTables.Regression(SyntheticTables.MeanElectronegativity, SyntheticTables.Split.Train);
        var test = SyntheticTables.Regression(SyntheticTables.MeanElectronegativity, SyntheticTables.Split.Test);

        var predictions = PropertyModelTrainer.Train(train, SmallBoosted).Predict(test.Compositions);
        var mae = Metrics.MeanAbsoluteError(test.Values, [.. predictions.Select(p => p.Value)]);
        var baseline = Metrics.MeanAbsoluteError(test.Values, [.. test.Values.Select(_ => train.Values.Average())]);

        Assert.True(mae < baseline / 3, $"MAE {mae}, mean-only {baseline}");
        Assert.All(predictions, p => Assert.True(p.Uncertainty > 0));
    }

    [Fact]
    public void Train_Classifier_GivesProbabilitiesThatRankHeldOutRows()
    {
        var train = SyntheticTables.Classification(SyntheticTables.Split.Train);
        var test = SyntheticTables.Classification(SyntheticTables.Split.Test);

        var predictions = PropertyModelTrainer.Train(train, SmallBoosted).Predict(test.Compositions);

        Assert.All(predictions, p => Assert.InRange(p.Value, 0, 1));
        Assert.True(Metrics.RocAuc(test.Values, [.. predictions.Select(p => p.Value)]) > 0.95);
    }

    [Theory]
    [InlineData(ModelKind.RandomForest)]
    [InlineData(ModelKind.GaussianProcess)]
    public void Train_OtherKinds_BeatPredictingTheMean(ModelKind kind)
    {
        var train = SyntheticTables.Regression(SyntheticTables.MeanElectronegativity, SyntheticTables.Split.Test);
        var test = SyntheticTables.Regression(SyntheticTables.MeanElectronegativity, SyntheticTables.Split.Train);

        var predictions = PropertyModelTrainer.Train(train, new ModelSettings { Kind = kind, GaussianProcessMaxPoints = 60 }).Predict(test.Compositions);
        var mae = Metrics.MeanAbsoluteError(test.Values, [.. predictions.Select(p => p.Value)]);
        var baseline = Metrics.MeanAbsoluteError(test.Values, [.. test.Values.Select(_ => train.Values.Average())]);

        Assert.True(mae < baseline / 2, $"MAE {mae}, mean-only {baseline}");
    }

    [Fact]
    public void Train_SameSeed_SamePredictions_OtherSeed_Different()
    {
        var train = SyntheticTables.Regression(SyntheticTables.MeanElectronegativity, SyntheticTables.Split.Test);
        var probe = SyntheticTables.Compositions.Take(10).ToArray();

        var first = PropertyModelTrainer.Train(train, SmallBoosted).Predict(probe);
        var again = PropertyModelTrainer.Train(train, SmallBoosted).Predict(probe);
        var other = PropertyModelTrainer.Train(train, SmallBoosted with { Seed = 1 }).Predict(probe);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Train_TargetWithPointMass_BuildsAHurdleModel()
    {
        // 30 % of the rows (the fluorides, chlorides and selenides with one cation) sit exactly at 0.
        var train = SyntheticTables.Regression(c => c.Elements[1] is "F" or "Cl" or "Se" && c.Amounts[c.Elements[0]] == 1 ? 0 : SyntheticTables.MeanElectronegativity(c));

        var model = PropertyModelTrainer.Train(train, SmallBoosted);
        var plain = PropertyModelTrainer.Train(train, SmallBoosted with { HurdleMinimumShare = double.PositiveInfinity });

        Assert.Equal(0, model.Info.Hurdle);
        Assert.Null(plain.Info.Hurdle);
    }

    [Theory]
    [InlineData(30, 0.0)]
    [InlineData(10, null)]
    public void PointMass_NeedsTheMinimumShare(int zeros, double? expected)
    {
        var y = Enumerable.Repeat(0.0, zeros).Concat(Enumerable.Range(1, 70).Select(i => (double)i)).ToArray();

        Assert.Equal(expected, PropertyModelTrainer.PointMass(y, 0.25));
    }
}
