using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Exact Gaussian process regression with an ARD kernel, signal variance and Gaussian noise, whose hyperparameters
/// maximize the log marginal likelihood (analytic gradients, bounded BFGS from MathNet, seeded restarts). Outputs are
/// standardized internally. Constant observations give a model that predicts the constant with small variance
/// ((1e-3·max(1, |c|))² at most). Immutable and thread-safe.
/// </summary>
public sealed class GaussianProcessSurrogate : ISurrogate
{
    private readonly GaussianProcessOptions _options;

    /// <summary>Creates the surrogate; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public GaussianProcessSurrogate(GaussianProcessOptions? options = null)
    {
        _options = options ?? new GaussianProcessOptions();
        _options.Validate();
        Name = $"gp-{KernelFunctions.Name(_options.Kernel)}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ISurrogateModel Fit(double[][] x, double[] y, CancellationToken cancellationToken = default)
    {
        var d = SurrogateData.Validate(x, y);
        var (mean, standardDeviation) = SurrogateData.Moments(y);
        var start = DefaultStart(d);
        if (standardDeviation <= 1e-12 * Math.Max(1, Math.Abs(mean)))
        {
            return GaussianProcessModel.Create(_options.Kernel, GaussianProcessHyperparameters.FromLog(start), x, y, mean, 1e-3 * Math.Max(1, Math.Abs(mean)));
        }

        var standardized = y.Select(v => (v - mean) / standardDeviation).ToArray();
        var (theta, lml) = Optimize(x, standardized, start, cancellationToken);
        return GaussianProcessModel.Create(_options.Kernel, GaussianProcessHyperparameters.FromLog(theta), x, y, mean, standardDeviation, lml);
    }

    private (double[] Theta, double LogMarginalLikelihood) Optimize(double[][] x, double[] y, double[] defaultStart, CancellationToken cancellationToken)
    {
        var d = x[0].Length;
        var (lower, upper) = Bounds(d);
        var best = defaultStart;
        var bestValue = double.NegativeInfinity;
        var gradient = new double[d + 2];

        (double, Vector<double>) Objective(Vector<double> point)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var theta = point.ToArray();
            var value = GaussianProcessLikelihood.Evaluate(x, y, _options.Kernel, theta, gradient);
            if (value > bestValue && double.IsFinite(value))
            {
                (best, bestValue) = (theta, value);
            }

            // The optimizer minimizes; -LML with its gradient.
            return (-value, Vector<double>.Build.DenseOfEnumerable(gradient.Select(g => -g)));
        }

        var random = new Random(_options.Seed);
        var starts = Math.Max(1, _options.Restarts);
        for (var s = 0; s < starts; s++)
        {
            var initial = s == 0 ? defaultStart : RandomStart(d, random, lower, upper);
            var minimizer = new BfgsBMinimizer(1e-5, 1e-8, 1e-9, _options.MaxIterations);
            try
            {
                minimizer.FindMinimum(
                    ObjectiveFunction.Gradient(Objective),
                    Vector<double>.Build.DenseOfArray(lower),
                    Vector<double>.Build.DenseOfArray(upper),
                    Vector<double>.Build.DenseOfArray(initial));
            }
            catch (Exception ex) when (ex is OptimizationException or NonConvergenceException or ArgumentException)
            {
                // A failed line search still leaves the best point evaluated so far, which is kept.
            }
        }

        return (best, bestValue);
    }

    private double[] DefaultStart(int d)
    {
        var (lower, upper) = Bounds(d);
        double[] start = [.. Enumerable.Repeat(Math.Log(0.3), d), 0, Math.Log(1e-3)];
        for (var i = 0; i < start.Length; i++)
        {
            start[i] = Math.Clamp(start[i], lower[i], upper[i]);
        }

        return start;
    }

    private (double[] Lower, double[] Upper) Bounds(int d)
    {
        double[] lower = [.. Enumerable.Repeat(Math.Log(_options.MinLengthScale), d), Math.Log(_options.MinSignalVariance), Math.Log(_options.MinNoiseVariance)];
        double[] upper = [.. Enumerable.Repeat(Math.Log(_options.MaxLengthScale), d), Math.Log(_options.MaxSignalVariance), Math.Log(_options.MaxNoiseVariance)];
        return (lower, upper);
    }

    private static double[] RandomStart(int d, Random random, double[] lower, double[] upper)
    {
        // Plausible region rather than the whole box: length scales 0.05–2, signal variance 0.2–5, noise 1e-6–0.1.
        var start = new double[d + 2];
        for (var i = 0; i < d; i++)
        {
            start[i] = Math.Log(0.05) + (random.NextDouble() * (Math.Log(2) - Math.Log(0.05)));
        }

        start[d] = Math.Log(0.2) + (random.NextDouble() * (Math.Log(5) - Math.Log(0.2)));
        start[d + 1] = Math.Log(1e-6) + (random.NextDouble() * (Math.Log(0.1) - Math.Log(1e-6)));
        for (var i = 0; i < start.Length; i++)
        {
            start[i] = Math.Clamp(start[i], lower[i], upper[i]);
        }

        return start;
    }
}
