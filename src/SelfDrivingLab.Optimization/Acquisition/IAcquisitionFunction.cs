namespace SelfDrivingLab.Optimization.Acquisition;

/// <summary>
/// Turns a Gaussian belief about a candidate's score (larger is better) into a desirability. Implementations are
/// immutable and thread-safe.
/// </summary>
public interface IAcquisitionFunction
{
    /// <summary>Short name recorded in provenance (e.g. <c>ei</c>).</summary>
    string Name { get; }

    /// <summary>The acquisition value for a score ~ N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²) given the best score so far.</summary>
    double Evaluate(double mean, double standardDeviation, double bestScore);

    /// <summary>
    /// True when the acquisition compares a new measurement with the best measurement so far (EI, PI): it is then given
    /// the predictive distribution of a measurement, the model's latent variance plus its fitted noise, so both sides of
    /// the comparison carry noise. False (the default, UCB) when it bounds the design's true value: it is given the
    /// latent posterior alone, as in GP-UCB.
    /// </summary>
    bool ComparesMeasurements => false;

    /// <summary>
    /// A strictly increasing transform of <see cref="Evaluate"/> used to compare candidates. EI and PI return their
    /// logarithm so that candidates whose value underflows to 0 can still be told apart.
    /// </summary>
    double RankingValue(double mean, double standardDeviation, double bestScore) => Evaluate(mean, standardDeviation, bestScore);
}
