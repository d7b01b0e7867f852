using MathNet.Numerics.LinearAlgebra;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Bayesian linear regression (optionally on degree-2 polynomial features) whose noise precision α and weight
/// precision λ maximize the evidence by MacKay's fixed-point updates, as scikit-learn's BayesianRidge. The intercept
/// comes from centering; y is standardized internally. The latent predictive variance is φᵀΣφ; the noise variance 1/α is
/// <see cref="ISurrogateModel.NoiseVariance"/>. Immutable and thread-safe.
/// </summary>
public sealed class BayesianRidgeSurrogate : ISurrogate
{
    private readonly BayesianRidgeOptions _options;

    /// <summary>Creates the surrogate; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public BayesianRidgeSurrogate(BayesianRidgeOptions? options = null)
    {
        _options = options ?? new BayesianRidgeOptions();
        _options.Validate();
        Name = _options.PolynomialDegree == 2 ? "bayesian-ridge-poly2" : "bayesian-ridge";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ISurrogateModel Fit(double[][] x, double[] y, CancellationToken cancellationToken = default)
    {
        SurrogateData.Validate(x, y);
        var features = x.Select(row => BayesianRidgeModel.Features(row, _options.PolynomialDegree)).ToArray();
        var (yMean, yStd) = SurrogateData.Moments(y);
        var yScale = yStd > 1e-12 * Math.Max(1, Math.Abs(yMean)) ? yStd : 1;
        var (centered, _) = BayesianRidgeModel.Center(features);
        var target = y.Select(v => (v - yMean) / yScale).ToArray();
        var (alpha, lambda, iterations) = EvidencePrecisions(centered, target, _options, cancellationToken);
        return BayesianRidgeModel.Create(features, y, _options.PolynomialDegree, alpha, lambda, yScale, iterations);
    }

    /// <summary>
    /// MacKay/scikit-learn updates on centered features and targets: with eigenvalues eₖ of ΦᵀΦ,
    /// γ = Σ αeₖ/(λ + αeₖ), λ ← (γ + 2a_λ)/(|w|² + 2b_λ), α ← (n - γ + 2a_α)/(|y - Φw|² + 2b_α).
    /// </summary>
    internal static (double Alpha, double Lambda, int Iterations) EvidencePrecisions(
        double[][] centered, double[] target, BayesianRidgeOptions options, CancellationToken cancellationToken = default)
    {
        var n = centered.Length;
        var design = Matrix<double>.Build.DenseOfRowArrays(centered);
        var evd = design.TransposeThisAndMultiply(design).Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(v => Math.Max(v.Real, 0)).ToArray();
        var projected = evd.EigenVectors.TransposeThisAndMultiply(design.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(target)));
        var variance = target.Sum(v => v * v) / n;
        var alpha = 1 / (variance + double.Epsilon + 1e-12);
        var lambda = 1.0;
        Vector<double>? previous = null;
        var iteration = 0;
        while (iteration < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iteration++;
            var coefficients = Coefficients(evd.EigenVectors, eigenvalues, projected, alpha, lambda);
            var residual = Vector<double>.Build.DenseOfArray(target) - (design * coefficients);
            var gamma = eigenvalues.Sum(e => alpha * e / (lambda + (alpha * e)));
            lambda = (gamma + (2 * options.LambdaPrior.Shape)) / ((coefficients * coefficients) + (2 * options.LambdaPrior.Rate));
            alpha = (n - gamma + (2 * options.AlphaPrior.Shape)) / ((residual * residual) + (2 * options.AlphaPrior.Rate));
            if (previous is not null && (previous - coefficients).L1Norm() < options.Tolerance)
            {
                break;
            }

            previous = coefficients;
        }

        return (alpha, lambda, iteration);
    }

    /// <summary>w = α Σ Φᵀy with Σ = (λI + αΦᵀΦ)⁻¹, through the eigenbasis of ΦᵀΦ.</summary>
    private static Vector<double> Coefficients(Matrix<double> vectors, double[] eigenvalues, Vector<double> projected, double alpha, double lambda)
    {
        var scaled = Vector<double>.Build.Dense(eigenvalues.Length, k => alpha * projected[k] / (lambda + (alpha * eigenvalues[k])));
        return vectors * scaled;
    }
}
