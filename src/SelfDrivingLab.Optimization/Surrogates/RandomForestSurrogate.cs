using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// A random forest (ML.NET FastForest: bagged regression trees on random feature subsets) for larger or
/// higher-dimensional data, where an exact GP gets expensive. The predictive mean is the average of the trees; the
/// predictive variance is the variance of the individual trees' predictions — the forest's disagreement, a measure of
/// epistemic uncertainty in the spirit of the bootstrap. It is not a calibrated posterior: it does not include
/// measurement noise, it is zero wherever every tree agrees, and it does not grow smoothly away from the data as a GP's
/// does. Deterministic for a seed (single-threaded training). Immutable and thread-safe.
/// </summary>
public sealed class RandomForestSurrogate : ISurrogate
{
    private readonly RandomForestOptions _options;

    /// <summary>Creates the surrogate; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public RandomForestSurrogate(RandomForestOptions? options = null)
    {
        _options = options ?? new RandomForestOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "random-forest";

    /// <inheritdoc />
    public ISurrogateModel Fit(double[][] x, double[] y, CancellationToken cancellationToken = default)
    {
        var d = SurrogateData.Validate(x, y);
        cancellationToken.ThrowIfCancellationRequested();
        var context = new MLContext(_options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var rows = x.Select((p, i) => new Row { Label = (float)y[i], Features = p.Select(v => (float)v).ToArray() }).ToArray();
        var data = context.Data.LoadFromEnumerable(rows, schema);
        var trainer = context.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            NumberOfTrees = _options.Trees,
            NumberOfLeaves = Math.Max(2, Math.Min(_options.MaxLeaves, x.Length / Math.Max(1, _options.MinObservationsPerLeaf))),
            MinimumExampleCountPerLeaf = _options.MinObservationsPerLeaf,
            NumberOfThreads = 1,

            // Per-tree feature subsets would let trees that never see a relevant input drag every prediction towards the
            // global mean; the randomness comes from bagging and per-split feature sampling instead.
            FeatureFraction = 1,
            Seed = _options.Seed,
            FeatureSelectionSeed = _options.Seed,
        });
        var trees = trainer.Fit(data).Model.TrainedTreeEnsemble.Trees;
        var hyperparameters = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["trees"] = trees.Count,
            ["max_leaves"] = _options.MaxLeaves,
        };
        return new RandomForestModel(this, x, y, trees.Select(CompiledTree.From).ToArray(), hyperparameters);
    }

    /// <summary>One training row for ML.NET (the feature vector's size is set at run time through the schema).</summary>
    private sealed class Row
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
