using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// One boosted tree ensemble: Bias + Σ weightₜ·treeₜ(x); for a classifier, passed through ML.NET's Platt calibration
/// 1 / (1 + exp(PlattSlope·score + PlattOffset)). Immutable and thread-safe.
/// </summary>
internal sealed record BoostedMember(double Bias, CompiledTree[] Trees, double[] Weights, double? PlattSlope = null, double? PlattOffset = null)
{
    /// <summary>
    /// Writes the output for each row of a block. Tree by tree over the whole block, so each tree is read from memory once
    /// per block rather than once per row: with thousands of trees this is several times faster.
    /// </summary>
    public void Evaluate(ReadOnlySpan<double[]> block, Span<double> output)
    {
        output[..block.Length].Fill(Bias);
        for (var t = 0; t < Trees.Length; t++)
        {
            var tree = Trees[t];
            var weight = Weights[t];
            for (var r = 0; r < block.Length; r++)
            {
                output[r] += weight * tree.Evaluate(block[r]);
            }
        }

        if (PlattSlope is { } slope)
        {
            var offset = PlattOffset ?? 0;
            for (var r = 0; r < block.Length; r++)
            {
                output[r] = 1 / (1 + Math.Exp((slope * output[r]) + offset));
            }
        }
    }
}
