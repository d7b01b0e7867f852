namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>A regression method that learns y = f(x) with uncertainty. Implementations are immutable and thread-safe.</summary>
public interface ISurrogate
{
    /// <summary>Short name recorded in provenance (e.g. <c>gp-matern52</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Fits a model. <paramref name="x"/> rows are points of the unit cube (all of one dimension); <paramref name="y"/>
    /// are raw measured values (the model standardizes internally). Throws <see cref="ArgumentException"/> for empty,
    /// ragged or non-finite data.
    /// </summary>
    ISurrogateModel Fit(double[][] x, double[] y, CancellationToken cancellationToken = default);
}
