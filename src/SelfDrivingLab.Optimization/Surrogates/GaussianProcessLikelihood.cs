using MathNet.Numerics.LinearAlgebra;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>Log marginal likelihood of an exact GP and its analytic gradient with respect to θ = log hyperparameters.</summary>
internal static class GaussianProcessLikelihood
{
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>
    /// log p(y | X, θ) = -½ yᵀK⁻¹y - ½ log|K| - (n/2) log 2π with K = σ_f² k(X, X) + σ_n² I, and writes
    /// ∂/∂θⱼ = ½ tr((ααᵀ - K⁻¹) ∂K/∂θⱼ) into <paramref name="gradient"/> (length d + 2).
    /// </summary>
    public static double Evaluate(double[][] x, double[] y, KernelKind kind, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var n = x.Length;
        var d = x[0].Length;
        var hp = GaussianProcessHyperparameters.FromLog(theta);
        var inverseSquaredScales = hp.LengthScales.Select(l => 1 / (l * l)).ToArray();
        var sf2 = hp.SignalVariance;
        var sn2 = hp.NoiseVariance;

        var squared = new double[n * n];
        var covariance = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            covariance[(a * n) + a] = sf2 + sn2;
            for (var b = 0; b < a; b++)
            {
                var s = SquaredDistance(x[a], x[b], inverseSquaredScales);
                squared[(a * n) + b] = s;
                covariance[(a * n) + b] = covariance[(b * n) + a] = sf2 * KernelFunctions.Value(kind, s);
            }
        }

        var cholesky = CholeskyFactor.Create(covariance, n);
        var alpha = CholeskyFactor.Solve(cholesky.Lower, n, y);
        var logDeterminant = 0.0;
        for (var i = 0; i < n; i++)
        {
            logDeterminant += 2 * Math.Log(cholesky.Lower[(i * n) + i]);
        }

        var fit = 0.0;
        for (var i = 0; i < n; i++)
        {
            fit += y[i] * alpha[i];
        }

        var inverse = cholesky.Factorization.Solve(Matrix<double>.Build.DenseIdentity(n));
        gradient.Clear();
        for (var a = 0; a < n; a++)
        {
            var wDiagonal = (alpha[a] * alpha[a]) - inverse[a, a];
            gradient[d] += 0.5 * wDiagonal * sf2;
            gradient[d + 1] += 0.5 * wDiagonal * sn2;
            for (var b = 0; b < a; b++)
            {
                // Off-diagonal pairs appear twice in the trace, which cancels the ½.
                var w = (alpha[a] * alpha[b]) - inverse[a, b];
                var s = squared[(a * n) + b];
                gradient[d] += w * covariance[(a * n) + b];
                var factor = w * sf2 * KernelFunctions.LengthScaleFactor(kind, s);
                for (var i = 0; i < d; i++)
                {
                    var delta = x[a][i] - x[b][i];
                    gradient[i] += factor * delta * delta * inverseSquaredScales[i];
                }
            }
        }

        return (-0.5 * fit) - (0.5 * logDeterminant) - (0.5 * n * LogTwoPi);
    }

    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> inverseSquaredScales)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var delta = a[i] - b[i];
            sum += delta * delta * inverseSquaredScales[i];
        }

        return sum;
    }
}
