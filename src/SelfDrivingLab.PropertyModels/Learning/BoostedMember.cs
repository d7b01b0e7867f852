using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// One boosted tree ensemble: Bias + Σ weightₜ·treeₜ(x); for a classifier, passed through ML.NET's Platt calibration
/// 1 / (1 + exp(PlattSlope·score + PlattOffset)). Immutable and thread-safe.
/// </summary>
internal sealed record BoostedMember(double Bias, CompiledTree[] Trees, double[] Weights, double? PlattSlope = null, double? PlattOffset = null)
{
    public double Evaluate(double[] x)
    {
        var score = Bias;
        for (var t = 0; t < Trees.Length; t++)
        {
            score += Weights[t] * Trees[t].Evaluate(x);
        }

        return PlattSlope is { } slope ? 1 / (1 + Math.Exp((slope * score) + (PlattOffset ?? 0))) : score;
    }
}
