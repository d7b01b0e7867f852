using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.PropertyModels.Data;
using SelfDrivingLab.PropertyModels.Learning;

namespace SelfDrivingLab.PropertyModels;

/// <summary>Trains property models from a <see cref="TrainingSet"/>. Deterministic for a seed. Thread-safe.</summary>
public static class PropertyModelTrainer
{
    /// <summary>Featurizes <paramref name="data"/> and trains a model; throws <see cref="ArgumentException"/> for invalid settings.</summary>
    public static PropertyModel Train(TrainingSet data, ModelSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var x = FeatureMatrix.Build(data.Compositions, data.ExtraInputs, data.ExtraInputNames.Count);
        return Train(data, x, settings, cancellationToken);
    }

    internal static PropertyModel Train(TrainingSet data, double[][] x, ModelSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var y = data.Values.ToArray();
        var mass = data.Task == PropertyTask.Regression ? PointMass(y, settings.HurdleMinimumShare) : null;
        var predictor = mass is { } value
            ? FitHurdle(x, y, value, settings, cancellationToken)
            : TabularLearner.Fit(x, y, data.Task == PropertyTask.Classification, settings, settings.Seed, cancellationToken);
        var info = new PropertyModelInfo(data.Name, data.Target, data.Task, settings.Kind, data.PositiveRule, data.ExtraInputNames, data.Count, mass);
        return new PropertyModel(info, predictor);
    }

    /// <summary>
    /// The most frequent target value when its share reaches <paramref name="minimumShare"/> and at least 20 rows lie
    /// elsewhere (enough to fit the continuous part), else null.
    /// </summary>
    internal static double? PointMass(double[] y, double minimumShare)
    {
        var top = y.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        var share = (double)top.Count() / y.Length;
        return share >= minimumShare && y.Length - top.Count() >= 20 ? top.Key : null;
    }

    private static HurdlePredictor FitHurdle(double[][] x, double[] y, double mass, ModelSettings settings, CancellationToken cancellationToken)
    {
        var elsewhere = y.Select(v => v != mass ? 1.0 : 0.0).ToArray();
        var gate = TabularLearner.Fit(x, elsewhere, classify: true, settings, SeedMixer.Mix(settings.Seed, 0, 3), cancellationToken);
        var rows = Enumerable.Range(0, y.Length).Where(i => y[i] != mass).ToArray();
        var continuous = TabularLearner.Fit([.. rows.Select(i => x[i])], [.. rows.Select(i => y[i])], classify: false, settings, SeedMixer.Mix(settings.Seed, 0, 4), cancellationToken);
        return new HurdlePredictor(gate, continuous, mass);
    }
}
