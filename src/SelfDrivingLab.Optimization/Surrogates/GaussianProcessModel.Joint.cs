using SelfDrivingLab.Optimization.Linear;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <content>The joint posterior over a set of candidates.</content>
internal sealed partial class GaussianProcessModel : IJointPredictiveModel
{
    /// <summary>Cov = σ_f²k(X*, X*) - VVᵀ with V = K*L⁻ᵀ, factored with jitter (scaled back to y units).</summary>
    public void PredictJointFactor(double[][] x, Span<double> mean, Span<double> covarianceFactor)
    {
        var variance = new double[x.Length];
        SurrogateData.ValidatePrediction(x, _inverseSquaredScales.Length, mean.Length, variance.Length);
        var m = x.Length;
        var n = DataCount;
        var cross = new double[m * n];
        CrossKernel(x, 0, m, cross);
        var v = new double[m * n];
        for (var k0 = 0; k0 < n; k0 += ColumnBlock)
        {
            var k1 = Math.Min(k0 + ColumnBlock, n);
            GemmKernel.MultiplyAddTransposed(cross, n, _inverseFactor.AsSpan(k0 * n), n, v.AsSpan(k0), n, m, k1 - k0, k1, 1);
        }

        for (var c = 0; c < m; c++)
        {
            mean[c] = _yMean + (_yScale * System.Numerics.Tensors.TensorPrimitives.Dot(cross.AsSpan(c * n, n), _alpha));
        }

        var columns = KernelRows.ToColumns(x, _inverseSquaredScales.Length, m);
        var covariance = new double[m * m];
        for (var a = 0; a < m; a++)
        {
            var row = covariance.AsSpan(a * m, a + 1);
            KernelRows.SquaredDistances(columns, m, x[a], _inverseSquaredScales, row, a + 1);
            KernelRows.Transform(_kind, row, default, _hp.SignalVariance, a + 1);
        }

        GemmKernel.MultiplyAddTransposed(v, n, v, n, covariance, m, m, m, n, -1);
        var factor = new double[m * m];
        CholeskyFactor.FactorWithJitter(covariance, factor, m);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                covarianceFactor[(i * m) + j] = j <= i ? _yScale * factor[(i * m) + j] : 0;
            }
        }
    }
}
