using System.Numerics.Tensors;
using SelfDrivingLab.Optimization.Linear;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Log marginal likelihood of an exact GP and its analytic gradient with respect to θ = log hyperparameters. One
/// evaluation costs about n³/2 multiply-adds (Cholesky, L⁻¹, K⁻¹ = L⁻ᵀL⁻¹, all in the blocked SIMD kernels) plus
/// O(n²d) vectorized kernel work, and allocates nothing when given a <see cref="GaussianProcessWorkspace"/>.
/// </summary>
internal static class GaussianProcessLikelihood
{
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>
    /// log p(y | X, θ) = -½ yᵀK⁻¹y - ½ log|K| - (n/2) log 2π with K = σ_f² k(X, X) + σ_n² I, and writes
    /// ∂/∂θⱼ = ½ tr((ααᵀ - K⁻¹) ∂K/∂θⱼ) into <paramref name="gradient"/> (length d + 2).
    /// </summary>
    public static double Evaluate(double[][] x, double[] y, KernelKind kind, ReadOnlySpan<double> theta, Span<double> gradient) =>
        Evaluate(new GaussianProcessWorkspace(x, y), kind, theta, gradient);

    /// <summary>As above on a reusable workspace; an empty <paramref name="gradient"/> skips the gradient (and K⁻¹).</summary>
    public static double Evaluate(GaussianProcessWorkspace workspace, KernelKind kind, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var n = workspace.N;
        var d = workspace.D;
        var invSq = workspace.InverseSquaredScales;
        for (var i = 0; i < d; i++)
        {
            invSq[i] = Math.Exp(-2 * theta[i]);
        }

        var sf2 = Math.Exp(theta[d]);
        var sn2 = Math.Exp(theta[d + 1]);
        var covariance = workspace.Covariance;
        for (var a = 0; a < n; a++)
        {
            var row = covariance.AsSpan(a * n, a);
            KernelRows.SquaredDistances(workspace.Columns, n, workspace.Points[a], invSq, row, a);
            KernelRows.Transform(kind, row, gradient.IsEmpty ? default : workspace.LengthScaleFactors.AsSpan(a * n, a), sf2, a);
            covariance[(a * n) + a] = sf2 + sn2;
        }

        workspace.Jitter = CholeskyFactor.FactorWithJitter(covariance, workspace.Factor, n);
        var logDeterminant = 0.0;
        for (var i = 0; i < n; i++)
        {
            logDeterminant += 2 * Math.Log(workspace.Factor[(i * n) + i]);
        }

        var x = workspace.InverseFactor;
        TriangularKernels.InvertLower(workspace.Factor, workspace.Work, x, n);
        var alpha = workspace.Alpha;
        var projection = workspace.Projection;
        var y = workspace.Y;
        for (var i = 0; i < n; i++)
        {
            projection[i] = TensorPrimitives.Dot(x.AsSpan(i * n, i + 1), y.AsSpan(0, i + 1));
        }

        alpha.AsSpan().Clear();
        for (var k = 0; k < n; k++)
        {
            var target = alpha.AsSpan(0, k + 1);
            TensorPrimitives.MultiplyAdd(x.AsSpan(k * n, k + 1), projection[k], target, target);
        }

        var fit = TensorPrimitives.Dot<double>(y, alpha);
        var value = (-0.5 * fit) - (0.5 * logDeterminant) - (0.5 * n * LogTwoPi);
        if (!gradient.IsEmpty)
        {
            Gradient(workspace, sf2, sn2, gradient);
        }

        return value;
    }

    private static void Gradient(GaussianProcessWorkspace workspace, double sf2, double sn2, Span<double> gradient)
    {
        var n = workspace.N;
        var d = workspace.D;
        var inverse = workspace.Factor;
        TriangularKernels.InverseFromInverseFactor(workspace.InverseFactor, workspace.Work, inverse, n);
        var alpha = workspace.Alpha;
        var contraction = workspace.Contraction;
        gradient.Clear();
        for (var a = 0; a < n; a++)
        {
            var wDiagonal = (alpha[a] * alpha[a]) - inverse[(a * n) + a];
            gradient[d] += 0.5 * wDiagonal * sf2;
            gradient[d + 1] += 0.5 * wDiagonal * sn2;
            if (a == 0)
            {
                continue;
            }

            // W = ααᵀ - K⁻¹ on row a; off-diagonal pairs appear twice in the trace, which cancels the ½.
            var w = workspace.RowA.AsSpan(0, a);
            TensorPrimitives.Multiply(alpha.AsSpan(0, a), alpha[a], w);
            TensorPrimitives.Subtract(w, inverse.AsSpan(a * n, a), w);
            gradient[d] += TensorPrimitives.Dot(w, workspace.Covariance.AsSpan(a * n, a));

            var factors = workspace.RowB.AsSpan(0, a);
            TensorPrimitives.Multiply(workspace.LengthScaleFactors.AsSpan(a * n, a), w, factors);
            KernelRows.WeightedSquaredDifferences(workspace.Columns, n, workspace.Points[a], factors, a, contraction);
            for (var i = 0; i < d; i++)
            {
                gradient[i] += contraction[i] * workspace.InverseSquaredScales[i];
            }
        }
    }
}
