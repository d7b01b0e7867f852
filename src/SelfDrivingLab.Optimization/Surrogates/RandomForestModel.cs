namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>A fitted forest: mean and variance over the trees' predictions. Immutable and thread-safe.</summary>
internal sealed class RandomForestModel(RandomForestSurrogate surrogate, double[][] x, double[] y, CompiledTree[] trees, IReadOnlyDictionary<string, double> hyperparameters) : ISurrogateModel
{
    public int DataCount => x.Length;

    public IReadOnlyDictionary<string, double> Hyperparameters => hyperparameters;

    /// <summary>A forest has no noise term: the trees' spread is all the uncertainty it reports.</summary>
    public double NoiseVariance => 0;

    public void Predict(double[][] candidates, Span<double> mean, Span<double> variance)
    {
        SurrogateData.ValidatePrediction(candidates, x[0].Length, mean.Length, variance.Length);
        for (var c = 0; c < candidates.Length; c++)
        {
            var sum = 0.0;
            var sumSquares = 0.0;
            foreach (var tree in trees)
            {
                var value = tree.Evaluate(candidates[c]);
                sum += value;
                sumSquares += value * value;
            }

            mean[c] = sum / trees.Length;
            variance[c] = Math.Max((sumSquares / trees.Length) - (mean[c] * mean[c]), 0);
        }
    }

    /// <summary>Trees cannot be updated in place: the fantasy point is added and the forest refitted (same seed).</summary>
    public ISurrogateModel Condition(double[] point, double value)
    {
        ArgumentNullException.ThrowIfNull(point);
        return surrogate.Fit([.. x, point], [.. y, value]);
    }
}
