using System.Text.Json.Serialization;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// One boosted tree ensemble: Bias + Σ weightₜ·treeₜ(x); for a classifier, passed through ML.NET's Platt calibration
/// 1 / (1 + exp(PlattSlope·score + PlattOffset)). Immutable and thread-safe.
/// </summary>
internal sealed record BoostedMember(double Bias, CompiledTree[] Trees, double[] Weights, double? PlattSlope = null, double? PlattOffset = null)
{
    private PackedForest? _packed;

    [JsonIgnore]
    public PackedForest Packed => LazyInitializer.EnsureInitialized(ref _packed, () => new PackedForest(Trees));

    /// <summary>
    /// Writes the output for each row of a single-precision block (<paramref name="width"/> values a row). Tree by tree
    /// over the whole block, so each tree is read from memory once per block rather than once per row.
    /// </summary>
    public void Evaluate(ReadOnlySpan<float> block, int width, Span<double> output)
    {
        var rows = block.Length / width;
        output[..rows].Fill(Bias);
        var packed = Packed;
        for (var t = 0; t < packed.Count; t++)
        {
            var weight = Weights[t];
            for (var r = 0; r < rows; r++)
            {
                output[r] += weight * packed.Evaluate(t, block.Slice(r * width, width));
            }
        }

        if (PlattSlope is { } slope)
        {
            var offset = PlattOffset ?? 0;
            for (var r = 0; r < rows; r++)
            {
                output[r] = 1 / (1 + Math.Exp((slope * output[r]) + offset));
            }
        }
    }
}
