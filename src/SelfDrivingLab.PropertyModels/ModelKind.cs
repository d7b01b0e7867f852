namespace SelfDrivingLab.PropertyModels;

/// <summary>The learning method of a property model.</summary>
public enum ModelKind
{
    /// <summary>Gradient-boosted regression trees (LightGBM through ML.NET), a seeded bagged ensemble; the default.</summary>
    GradientBoostedTrees,

    /// <summary>A random forest (ML.NET FastForest).</summary>
    RandomForest,

    /// <summary>The project's Gaussian process (on a seeded subsample of at most <see cref="ModelSettings.GaussianProcessMaxPoints"/> rows).</summary>
    GaussianProcess,

    /// <summary>The project's Bayesian ridge regression.</summary>
    Ridge,
}
