using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// A random forest: the mean of the trees and their standard deviation (the forest's disagreement). A classifier's forest
/// is a regression forest on the 0/1 label, so its mean is a probability. Immutable and thread-safe.
/// </summary>
internal sealed record ForestPredictor(CompiledTree[] Trees) : TabularPredictor
{
    public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation) =>
        BlockEvaluation.Run(x, Trees.Length, Evaluate, mean, standardDeviation);

    private void Evaluate(int tree, ReadOnlyMemory<double[]> rows, double[] output)
    {
        var span = rows.Span;
        for (var r = 0; r < span.Length; r++)
        {
            output[r] = Trees[tree].Evaluate(span[r]);
        }
    }
}
