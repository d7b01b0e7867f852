namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Why a proposal was made, recorded with the experiment.</summary>
/// <param name="Strategy"><see cref="InitialDesignStrategy"/>, <see cref="ModelStrategy"/> or <see cref="RandomStrategy"/>.</param>
/// <param name="Surrogate">Surrogate name, for model proposals.</param>
/// <param name="Hyperparameters">The fitted surrogate's hyperparameters (empty without a model).</param>
/// <param name="DataCount">Observations available (that the model was fitted on).</param>
/// <param name="Acquisition">Acquisition name, for model proposals.</param>
/// <param name="AcquisitionValue">Acquisition value at the proposal (on the score scale).</param>
/// <param name="PredictedMean">Predicted mean of the measured output, in its units.</param>
/// <param name="PredictedStandardDeviation">Predicted standard deviation of the measured output, in its units.</param>
public sealed record ProposalProvenance(
    string Strategy,
    string? Surrogate,
    IReadOnlyDictionary<string, double> Hyperparameters,
    int DataCount,
    string? Acquisition,
    double? AcquisitionValue,
    double? PredictedMean,
    double? PredictedStandardDeviation)
{
    /// <summary>Chosen by the seeded initial design.</summary>
    public const string InitialDesignStrategy = "initial-design";

    /// <summary>Chosen by maximizing the acquisition function of the surrogate.</summary>
    public const string ModelStrategy = "model";

    /// <summary>Drawn uniformly at random (random strategy, too few observations, or a duplicate design point).</summary>
    public const string RandomStrategy = "random";

    internal static ProposalProvenance WithoutModel(string strategy, int dataCount) =>
        new(strategy, null, new Dictionary<string, double>(), dataCount, null, null, null, null);
}
