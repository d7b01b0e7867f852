namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Which surrogate model learns the objective.</summary>
public enum SurrogateKind
{
    /// <summary>Exact Gaussian process with an ARD kernel and fitted noise (ML-II).</summary>
    GaussianProcess,

    /// <summary>Bayesian ridge regression with evidence-maximized precisions.</summary>
    BayesianRidge,

    /// <summary>No model: uniform random proposals (a baseline).</summary>
    Random,

    /// <summary>
    /// Random forest (ML.NET FastForest); the variance is the spread of the trees' predictions, not a calibrated
    /// posterior (see <c>Surrogates.RandomForestSurrogate</c>).
    /// </summary>
    RandomForest,
}
