using System.Diagnostics;
using SelfDrivingLab.Optimization.Feasibility;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Fits a proposer's <see cref="FeasibilityClassifier"/> at each request that has failures, warm-starting Newton's
/// method from the previous request's fit: between requests the data grow by an experiment or two, so the mode moves
/// little and the fit takes a few Newton steps (each an O(n³) factorization) instead of a cold start's many. The mode
/// it reaches is the same either way (to the convergence tolerance). Thread-safe.
/// </summary>
internal sealed class FeasibilityFitter
{
    private readonly Lock _gate = new();
    private FeasibilityClassifier? _last;

    /// <summary>The classifier of successes <paramref name="x"/> and <paramref name="failures"/>; null without failures.</summary>
    public FeasibilityClassifier? Fit(double[][] x, double[][] failures)
    {
        if (failures.Length == 0)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        FeasibilityClassifier? warmStart;
        lock (_gate)
        {
            warmStart = _last;
        }

        var fitted = FeasibilityClassifier.Fit(x, failures, warmStart);
        lock (_gate)
        {
            _last = fitted;
        }

        ProposerMetrics.Record(ProposerMetrics.FeasibilityFit, started);
        return fitted;
    }
}
