using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// Fits a <see cref="TabularPredictor"/> of one <see cref="ModelKind"/> to feature rows (boosting: ML.NET's LightGBM;
/// forest: ML.NET's FastForest). Trainers run single-threaded, so results depend only on the seed; boosted members train
/// in parallel. Thread-safe.
/// </summary>
internal static class TabularLearner
{
    private const int ForestTrees = 300;
    private const int MinimumLeafRows = 5;

    public static TabularPredictor Fit(double[][] x, double[] y, bool classify, ModelSettings settings, int seed, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return settings.Kind switch
        {
            ModelKind.GradientBoostedTrees => FitBoosted(x, y, classify, settings, seed, cancellationToken),
            ModelKind.RandomForest => FitForest(x, y, settings, seed),
            ModelKind.GaussianProcess => FitSurrogate("gp", Subsample(x, y, settings.GaussianProcessMaxPoints, seed), classify, seed, cancellationToken),
            _ => FitSurrogate("ridge", (x, y), classify, seed, cancellationToken),
        };
    }

    private static BoostedEnsemblePredictor FitBoosted(double[][] x, double[] y, bool classify, ModelSettings settings, int seed, CancellationToken cancellationToken)
    {
        var members = new BoostedMember[settings.EnsembleMembers];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, members.Length, parallel, m =>
        {
            var memberSeed = SeedMixer.Mix(seed, m, 1);
            var context = new MLContext(memberSeed);
            var data = Load(context, x, y, classify);
            members[m] = classify
                ? Binary(context, data, settings, memberSeed)
                : Regression(context, data, settings, memberSeed);
        });
        return new BoostedEnsemblePredictor(members);
    }

    private static BoostedMember Regression(MLContext context, IDataView data, ModelSettings settings, int seed)
    {
        var options = Configure<LightGbmRegressionTrainer.Options, float, RegressionPredictionTransformer<LightGbmRegressionModelParameters>, LightGbmRegressionModelParameters>(settings, seed);
        var ensemble = context.Regression.Trainers.LightGbm(options).Fit(data).Model.TrainedTreeEnsemble;
        return new BoostedMember(ensemble.Bias, [.. ensemble.Trees.Select(CompiledTree.From)], [.. ensemble.TreeWeights]);
    }

    private static BoostedMember Binary(MLContext context, IDataView data, ModelSettings settings, int seed)
    {
        var options = Configure<LightGbmBinaryTrainer.Options, float, BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>, CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>(settings, seed);
        var model = context.BinaryClassification.Trainers.LightGbm(options).Fit(data).Model;
        var ensemble = model.SubModel.TrainedTreeEnsemble;
        return new BoostedMember(ensemble.Bias, [.. ensemble.Trees.Select(CompiledTree.From)], [.. ensemble.TreeWeights], model.Calibrator.Slope, model.Calibrator.Offset);
    }

    /// <summary>The LightGBM settings both tasks share.</summary>
    private static TOptions Configure<TOptions, TOutput, TTransformer, TModel>(ModelSettings settings, int seed)
        where TOptions : LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel>.OptionsBase, new()
        where TTransformer : ISingleFeaturePredictionTransformer<TModel>
        where TModel : class => new()
        {
            NumberOfIterations = settings.Trees,
            LearningRate = settings.LearningRate,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = MinimumLeafRows,
            Booster = Booster(settings),
            NumberOfThreads = 1,
            Seed = seed,
        };

    /// <summary>Stochastic gradient boosting: each tree sees a fresh random 80 % of the rows and a share of the features.</summary>
    private static GradientBooster.Options Booster(ModelSettings settings) => new()
    {
        FeatureFraction = settings.FeatureFraction,
        SubsampleFraction = 0.8,
        SubsampleFrequency = 1,
    };

    private static ForestPredictor FitForest(double[][] x, double[] y, ModelSettings settings, int seed)
    {
        var context = new MLContext(seed);
        var trainer = context.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            NumberOfTrees = ForestTrees,
            NumberOfLeaves = Math.Max(2, Math.Min(settings.Leaves * 8, x.Length / 2)),
            MinimumExampleCountPerLeaf = 1,
            FeatureFraction = 1,
            NumberOfThreads = 1,
            Seed = seed,
            FeatureSelectionSeed = seed,
        });
        var trees = trainer.Fit(Load(context, x, y, classify: false)).Model.TrainedTreeEnsemble.Trees;
        return new ForestPredictor([.. trees.Select(CompiledTree.From)]);
    }

    private static SurrogatePredictor FitSurrogate(string method, (double[][] X, double[] Y) data, bool classify, int seed, CancellationToken cancellationToken)
    {
        var d = data.X[0].Length;
        var lower = new double[d];
        var range = new double[d];
        for (var j = 0; j < d; j++)
        {
            var column = data.X.Select(row => row[j]).ToArray();
            lower[j] = column.Min();
            var width = column.Max() - lower[j];
            range[j] = width > 1e-12 ? width : 1;
        }

        var scaled = data.X.Select(row => SurrogatePredictor.Scale(row, lower, range)).ToArray();
        ISurrogate surrogate = method == "gp"
            ? new GaussianProcessSurrogate(new GaussianProcessOptions { Seed = seed, Restarts = 2 })
            : new BayesianRidgeSurrogate();
        var fitted = surrogate.Fit(scaled, data.Y, cancellationToken);
        return new SurrogatePredictor(method, lower, range, scaled, data.Y, new Dictionary<string, double>(fitted.Hyperparameters, StringComparer.Ordinal), classify);
    }

    private static (double[][] X, double[] Y) Subsample(double[][] x, double[] y, int maximum, int seed)
    {
        if (x.Length <= maximum)
        {
            return (x, y);
        }

        var order = Enumerable.Range(0, x.Length).ToArray();
        new Random(SeedMixer.Mix(seed, 0, 2)).Shuffle(order);
        var chosen = order.Take(maximum).Order().ToArray();
        return ([.. chosen.Select(i => x[i])], [.. chosen.Select(i => y[i])]);
    }

    private static IDataView Load(MLContext context, double[][] x, double[] y, bool classify)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, x[0].Length);
        if (classify)
        {
            var labelled = x.Select((p, i) => new BinaryRow { Label = y[i] > 0.5, Features = [.. p.Select(v => (float)v)] });
            var binarySchema = SchemaDefinition.Create(typeof(BinaryRow));
            binarySchema[nameof(BinaryRow.Features)].ColumnType = schema[nameof(Row.Features)].ColumnType;
            return context.Data.LoadFromEnumerable(labelled.ToArray(), binarySchema);
        }

        var rows = x.Select((p, i) => new Row { Label = (float)y[i], Features = [.. p.Select(v => (float)v)] }).ToArray();
        return context.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>One regression row for ML.NET (the feature vector's size is set at run time through the schema).</summary>
    private sealed class Row
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>One classification row for ML.NET.</summary>
    private sealed class BinaryRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
