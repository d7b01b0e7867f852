using System.Text.Json.Serialization;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// A random forest: the mean of the trees and their standard deviation (the forest's disagreement). A classifier's forest
/// is a regression forest on the 0/1 label, so its mean is a probability. Immutable and thread-safe.
/// </summary>
internal sealed record ForestPredictor(CompiledTree[] Trees) : TabularPredictor
{
    private PackedForest? _packed;

    [JsonIgnore]
    public PackedForest Packed => LazyInitializer.EnsureInitialized(ref _packed, () => new PackedForest(Trees));

    public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation) =>
        BlockEvaluation.Run(x, Trees.Length, Evaluate, mean, standardDeviation);

    private void Evaluate(int tree, float[] block, int width, double[] output)
    {
        var packed = Packed;
        for (var r = 0; r < output.Length; r++)
        {
            output[r] = packed.Evaluate(tree, block.AsSpan(r * width, width));
        }
    }
}
