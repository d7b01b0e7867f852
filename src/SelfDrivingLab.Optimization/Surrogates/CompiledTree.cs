using Microsoft.ML.Trainers.FastTree;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// A trained regression tree as flat arrays in ML.NET's encoding (a negative child c is leaf ~c; a node sends x left when
/// (float)x[Feature] ≤ Threshold, as ML.NET compares single-precision features). Evaluating it needs no ML.NET runtime,
/// and it serializes as plain arrays. Immutable and thread-safe.
/// </summary>
/// <param name="Left">Left child of each internal node.</param>
/// <param name="Right">Right child of each internal node.</param>
/// <param name="Feature">Split feature of each internal node.</param>
/// <param name="Threshold">Split threshold of each internal node.</param>
/// <param name="Leaves">Output value of each leaf.</param>
public sealed record CompiledTree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaves)
{
    /// <summary>Copies the numerical splits and leaf values of an ML.NET tree (categorical splits are not used here).</summary>
    public static CompiledTree From(RegressionTreeBase tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new([.. tree.LeftChild], [.. tree.RightChild], [.. tree.NumericalSplitFeatureIndexes], [.. tree.NumericalSplitThresholds], [.. tree.LeafValues]);
    }

    /// <summary>The leaf value that <paramref name="x"/> falls into.</summary>
    public double Evaluate(ReadOnlySpan<double> x)
    {
        if (Left.Length == 0)
        {
            return Leaves[0];
        }

        var node = 0;
        while (node >= 0)
        {
            node = (float)x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        }

        return Leaves[~node];
    }
}
