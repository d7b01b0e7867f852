using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// A random forest: the mean of the trees and their standard deviation (the forest's disagreement). A classifier's forest
/// is a regression forest on the 0/1 label, so its mean is a probability. Immutable and thread-safe.
/// </summary>
internal sealed record ForestPredictor(CompiledTree[] Trees) : TabularPredictor
{
    public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation)
    {
        var means = new double[x.Length];
        var deviations = new double[x.Length];
        Parallel.For(0, x.Length, row =>
        {
            var values = new double[Trees.Length];
            for (var t = 0; t < Trees.Length; t++)
            {
                values[t] = Trees[t].Evaluate(x[row]);
            }

            (means[row], deviations[row]) = Spread.Of(values);
        });
        means.CopyTo(mean);
        deviations.CopyTo(standardDeviation);
    }
}
