using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.PropertyModels.Evaluation;

/// <summary>
/// The Matbench protocol: the rows are shuffled with a seeded generator and cut into k folds of near-equal size (the first
/// n mod k folds one row larger, as scikit-learn's KFold); each fold is predicted by a model trained on the others. Folds
/// and models depend only on the seed. Thread-safe.
/// </summary>
public static class CrossValidation
{
    /// <summary>The test rows of each fold, each list in ascending order.</summary>
    public static IReadOnlyList<int[]> Folds(int rows, int folds, int seed)
    {
        if (folds < 2 || folds > rows)
        {
            throw new ArgumentException($"--folds must be between 2 and the number of rows ({rows}); got {folds}");
        }

        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var result = new List<int[]>(folds);
        var start = 0;
        for (var f = 0; f < folds; f++)
        {
            var size = (rows / folds) + (f < rows % folds ? 1 : 0);
            result.Add([.. order.AsSpan(start, size).ToArray().Order()]);
            start += size;
        }

        return result;
    }

    /// <summary>Runs the cross-validation; <paramref name="progress"/> hears each finished fold.</summary>
    public static CrossValidationReport Run(
        TrainingSet data, ModelSettings settings, int folds, Action<FoldResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var x = FeatureMatrix.Build(data.Compositions, data.ExtraInputs, data.ExtraInputNames.Count);
        var results = new List<FoldResult>();
        double? hurdle = null;
        var testSets = Folds(data.Count, folds, settings.Seed);
        for (var f = 0; f < testSets.Count; f++)
        {
            var test = testSets[f];
            var held = test.ToHashSet();
            var train = Enumerable.Range(0, data.Count).Where(i => !held.Contains(i)).ToArray();
            var model = PropertyModelTrainer.Train(data.Subset(train), [.. train.Select(i => x[i])], settings, cancellationToken);
            hurdle ??= model.Info.Hurdle;
            var predicted = model.PredictFeatures([.. test.Select(i => x[i])]).Select(p => p.Value).ToArray();
            var truth = test.Select(i => data.Values[i]).ToArray();
            var result = new FoldResult(f, test.Length, Score(data.Task, truth, predicted));
            results.Add(result);
            progress?.Invoke(result);
        }

        var mean = results[0].Scores.Keys.ToDictionary(k => k, k => results.Average(r => r.Scores[k]), StringComparer.Ordinal);
        return new CrossValidationReport(data.Task, settings.Kind, data.Count, settings.Seed, results, mean, hurdle);
    }

    private static Dictionary<string, double> Score(PropertyTask task, double[] truth, double[] predicted) => task == PropertyTask.Regression
        ? new(StringComparer.Ordinal)
        {
            ["mae"] = Metrics.MeanAbsoluteError(truth, predicted),
            ["rmse"] = Metrics.RootMeanSquaredError(truth, predicted),
            ["r2"] = Metrics.RSquared(truth, predicted),
        }
        : new(StringComparer.Ordinal)
        {
            ["roc_auc"] = Metrics.RocAuc(truth, predicted),
            ["accuracy"] = Metrics.Accuracy(truth, predicted),
        };
}
