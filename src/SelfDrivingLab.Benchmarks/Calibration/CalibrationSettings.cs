namespace SelfDrivingLab.Benchmarks.Calibration;

/// <summary>Settings of a calibration benchmark. Immutable.</summary>
public sealed record CalibrationSettings
{
    /// <summary>Folds the candidates are split into; each fold is held out once (default 5).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Most training candidates per fit: the other folds are subsampled to this many, a campaign-sized data set
    /// (default 100).
    /// </summary>
    public int MaxTraining { get; init; } = 100;

    /// <summary>Times the whole k-fold split is repeated with a new shuffle (default 2).</summary>
    public int Repeats { get; init; } = 2;

    /// <summary>Seed of the shuffles and of the replicate each training candidate contributes (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Probability of the central predictive interval whose coverage is measured (default 0.9).</summary>
    public double Level { get; init; } = 0.9;

    /// <summary>Fits run at once (default: the processor count).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Check(Folds >= 2, nameof(Folds), "must be >= 2");
        Check(MaxTraining >= 2, nameof(MaxTraining), "must be >= 2");
        Check(Repeats >= 1, nameof(Repeats), "must be >= 1");
        Check(Level > 0 && Level < 1, nameof(Level), "must be in (0, 1)");
        Check(MaxParallelism >= 1, nameof(MaxParallelism), "must be >= 1");
    }

    private static void Check(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"CalibrationSettings.{name} {rule}.", name);
        }
    }
}
