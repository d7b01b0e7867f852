namespace SelfDrivingLab.PropertyModels;

/// <summary>
/// How a property model is trained. The defaults are general-purpose settings for tables of a few hundred to tens of
/// thousands of compositions; they are not tuned to any one data set. Immutable.
/// </summary>
public sealed record ModelSettings
{
    /// <summary>The learning method (default gradient-boosted trees).</summary>
    public ModelKind Kind { get; init; } = ModelKind.GradientBoostedTrees;

    /// <summary>Seed of every random choice (bagging, feature sampling, subsampling; default 0).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Gradient-boosted trees: independently seeded members of the ensemble, each boosted on its own random 80 % of the
    /// rows per iteration; the prediction is their mean and the uncertainty their standard deviation (default 4).
    /// </summary>
    public int EnsembleMembers { get; init; } = 4;

    /// <summary>Trees per boosted member (default 600).</summary>
    public int Trees { get; init; } = 600;

    /// <summary>Learning rate of boosting (default 0.05).</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Largest number of leaves per tree (default 31).</summary>
    public int Leaves { get; init; } = 31;

    /// <summary>Fraction of the features each boosted tree may use (default 0.5).</summary>
    public double FeatureFraction { get; init; } = 0.5;

    /// <summary>
    /// Regression only: when at least this share of the training targets equals one value exactly (a point mass, such as
    /// the band gap 0 of every metal), the model becomes a hurdle model — a classifier for "not that value" and a
    /// regressor trained on the other rows, combined as p·μ + (1 − p)·value (default 0.25; above 1 disables it).
    /// </summary>
    public double HurdleMinimumShare { get; init; } = 0.25;

    /// <summary>Gaussian process: at most this many training rows, a seeded random subset (default 400: the exact GP is cubic in the rows).</summary>
    public int GaussianProcessMaxPoints { get; init; } = 400;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Check(Enum.IsDefined(Kind), nameof(Kind), "is not a known kind");
        Check(EnsembleMembers >= 1, nameof(EnsembleMembers), "must be at least 1");
        Check(Trees >= 1, nameof(Trees), "must be at least 1");
        Check(LearningRate > 0 && LearningRate <= 1, nameof(LearningRate), "must be in (0, 1]");
        Check(Leaves >= 2, nameof(Leaves), "must be at least 2");
        Check(FeatureFraction > 0 && FeatureFraction <= 1, nameof(FeatureFraction), "must be in (0, 1]");
        Check(HurdleMinimumShare > 0, nameof(HurdleMinimumShare), "must be positive");
        Check(GaussianProcessMaxPoints >= 2, nameof(GaussianProcessMaxPoints), "must be at least 2");
    }

    private static void Check(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"ModelSettings.{name} {rule}.", name);
        }
    }
}
