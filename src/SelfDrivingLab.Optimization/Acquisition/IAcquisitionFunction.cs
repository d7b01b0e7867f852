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
    /// A strictly increasing transform of <see cref="Evaluate"/> used to compare candidates. EI and PI return their
    /// logarithm so that candidates whose value underflows to 0 can still be told apart.
    /// </summary>
    double RankingValue(double mean, double standardDeviation, double bestScore) => Evaluate(mean, standardDeviation, bestScore);
}
