using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Turns the model's Gaussian belief Y ~ N(μ, σ²) about the measured output into a Gaussian belief about the score
/// (larger is better). Maximize: (μ, σ); minimize: (-μ, σ). Target t: the score -|Y - t| is not Gaussian; we match its
/// first two moments in closed form (folded normal with m = μ - t): E|Y - t| = σ√(2/π)·e^(-m²/2σ²) + m(1 - 2Φ(-m/σ)),
/// Var|Y - t| = m² + σ² - (E|Y - t|)². That keeps every acquisition function closed-form and deterministic.
/// </summary>
internal static class ScoreDistribution
{
    public static (double Mean, double StandardDeviation) FromMeasured(Objective objective, double mean, double standardDeviation)
    {
        switch (objective.Goal)
        {
            case ObjectiveGoal.Maximize:
                return (mean, standardDeviation);
            case ObjectiveGoal.Minimize:
                return (-mean, standardDeviation);
            case ObjectiveGoal.Target:
                var m = mean - objective.Target!.Value;
                if (!(standardDeviation > 1e-300))
                {
                    return (-Math.Abs(m), 0);
                }

                var folded = (standardDeviation * Math.Sqrt(2 / Math.PI) * Math.Exp(-m * m / (2 * standardDeviation * standardDeviation)))
                    + (m * (1 - (2 * StandardNormal.Cdf(-m / standardDeviation))));
                var variance = (m * m) + (standardDeviation * standardDeviation) - (folded * folded);
                return (-folded, Math.Sqrt(Math.Max(variance, 0)));
            default:
                throw new InvalidOperationException($"Unknown goal {objective.Goal}.");
        }
    }
}
