using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Feasibility;

/// <summary>
/// Gaussian-process classification of where experiments succeed, by the Laplace approximation with a logistic link
/// (Rasmussen &amp; Williams, algorithms 3.1 and 3.2). Fixed, deliberately smooth prior — Matérn 5/2, length scale
/// 0.2·√d on the encoded cube, latent variance 4 — so a handful of failures marks a region rather than single points.
/// <see cref="ProbabilityOfSuccess"/> averages the logistic over the latent posterior (probit approximation). Immutable
/// and thread-safe.
/// </summary>
public sealed class FeasibilityClassifier
{
    private const double LatentVariance = 4;
    private const int MaxNewtonIterations = 50;

    private readonly double[][] _x;
    private readonly double[] _inverseSquaredScales;
    private readonly double[] _residual;
    private readonly double[] _sqrtW;
    private readonly double[] _lower;

    private FeasibilityClassifier(double[][] x, double[] inverseSquaredScales, double[] residual, double[] sqrtW, double[] lower)
    {
        _x = x;
        _inverseSquaredScales = inverseSquaredScales;
        _residual = residual;
        _sqrtW = sqrtW;
        _lower = lower;
    }

    /// <summary>Fits the classifier to encoded inputs of successful and failed experiments (at least one of each).</summary>
    /// <exception cref="ArgumentException">Either list is empty, or the inputs are ragged or not finite.</exception>
    public static FeasibilityClassifier Fit(IReadOnlyList<double[]> successes, IReadOnlyList<double[]> failures)
    {
        ArgumentNullException.ThrowIfNull(successes);
        ArgumentNullException.ThrowIfNull(failures);
        if (successes.Count == 0 || failures.Count == 0)
        {
            throw new ArgumentException($"A feasibility classifier needs successes and failures (got {successes.Count} and {failures.Count}).", nameof(failures));
        }

        double[][] x = [.. successes, .. failures];
        double[] labels = [.. successes.Select(_ => 1.0), .. failures.Select(_ => 0.0)];
        var d = SurrogateData.Validate(x, labels);
        var lengthScale = 0.2 * Math.Sqrt(d);
        var inverseSquaredScales = Enumerable.Repeat(1 / (lengthScale * lengthScale), d).ToArray();
        var n = x.Length;
        var k = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                k[(a * n) + b] = k[(b * n) + a] = LatentVariance * KernelFunctions.Value(KernelKind.Matern52, SquaredDistance(x[a], x[b], inverseSquaredScales));
            }
        }

        var f = new double[n];
        var pi = new double[n];
        var sqrtW = new double[n];
        double[] lower = [];
        for (var iteration = 0; iteration < MaxNewtonIterations; iteration++)
        {
            // Newton step of Ψ(f) = log p(t|f) - ½fᵀK⁻¹f through B = I + W^½KW^½ (well conditioned for any K).
            var b = new double[n];
            for (var i = 0; i < n; i++)
            {
                pi[i] = Logistic(f[i]);
                var w = pi[i] * (1 - pi[i]);
                sqrtW[i] = Math.Sqrt(w);
                b[i] = (w * f[i]) + (labels[i] - pi[i]);
            }

            lower = FactorB(k, sqrtW, n);
            var kb = MultiplySymmetric(k, b, n);
            var c = new double[n];
            for (var i = 0; i < n; i++)
            {
                c[i] = sqrtW[i] * kb[i];
            }

            CholeskyFactor.ForwardSubstitute(lower, n, c);
            BackSubstitute(lower, n, c);
            var a = new double[n];
            for (var i = 0; i < n; i++)
            {
                a[i] = b[i] - (sqrtW[i] * c[i]);
            }

            var next = MultiplySymmetric(k, a, n);
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change = Math.Max(change, Math.Abs(next[i] - f[i]));
            }

            f = next;
            if (change < 1e-9)
            {
                break;
            }
        }

        var residual = new double[n];
        for (var i = 0; i < n; i++)
        {
            pi[i] = Logistic(f[i]);
            var w = pi[i] * (1 - pi[i]);
            sqrtW[i] = Math.Sqrt(w);
            residual[i] = labels[i] - pi[i];
        }

        lower = FactorB(k, sqrtW, n);
        return new FeasibilityClassifier(x, inverseSquaredScales, residual, sqrtW, lower);
    }

    /// <summary>P(success) at an encoded point: σ(f̄/√(1 + πV/8)) with the Laplace posterior mean f̄ and variance V.</summary>
    public double ProbabilityOfSuccess(ReadOnlySpan<double> encoded)
    {
        var n = _x.Length;
        var k = new double[n];
        var mean = 0.0;
        for (var j = 0; j < n; j++)
        {
            k[j] = LatentVariance * KernelFunctions.Value(KernelKind.Matern52, SquaredDistance(_x[j], encoded, _inverseSquaredScales));
            mean += k[j] * _residual[j];
            k[j] *= _sqrtW[j];
        }

        CholeskyFactor.ForwardSubstitute(_lower, n, k);
        var variance = LatentVariance;
        for (var j = 0; j < n; j++)
        {
            variance -= k[j] * k[j];
        }

        return Logistic(mean / Math.Sqrt(1 + (Math.PI * Math.Max(variance, 0) / 8)));
    }

    private static double[] FactorB(double[] k, double[] sqrtW, int n)
    {
        var matrix = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                matrix[(a * n) + b] = (sqrtW[a] * k[(a * n) + b] * sqrtW[b]) + (a == b ? 1 : 0);
            }
        }

        return CholeskyFactor.Create(matrix, n).Lower;
    }

    private static double[] MultiplySymmetric(double[] matrix, double[] vector, int n)
    {
        var result = new double[n];
        for (var a = 0; a < n; a++)
        {
            var sum = 0.0;
            for (var b = 0; b < n; b++)
            {
                sum += matrix[(a * n) + b] * vector[b];
            }

            result[a] = sum;
        }

        return result;
    }

    private static void BackSubstitute(double[] lower, int n, double[] b)
    {
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var j = i + 1; j < n; j++)
            {
                sum -= lower[(j * n) + i] * b[j];
            }

            b[i] = sum / lower[(i * n) + i];
        }
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double[] inverseSquaredScales)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var delta = a[i] - b[i];
            sum += delta * delta * inverseSquaredScales[i];
        }

        return sum;
    }

    private static double Logistic(double f) => f >= 0 ? 1 / (1 + Math.Exp(-f)) : Math.Exp(f) / (1 + Math.Exp(f));
}
