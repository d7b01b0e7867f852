using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// The factor κ ≥ 1 by which a Gaussian process's predictive standard deviations (of the mean and of the noise) are
/// widened so that the central 90 % interval of a measurement covers what the model's own data say it should.
/// A GP with fitted (plug-in) hyperparameters ignores their uncertainty and any misfit of its noise model, so its
/// intervals are usually too narrow. Each observation's out-of-sample residual, standardized by its predicted
/// measurement sd, would be N(0, 1) if the model were right; κ = max(1, q / z₀.₉₅), where q is the ⌈0.9 (n + 1)⌉-th
/// smallest |zᵢ| (the split-conformal rank for a 90 % interval, defined from n = 9 on) and z₀.₉₅ = 1.645.
/// <para>
/// The residuals are K-fold cross-validated with the hyperparameters <em>refitted</em> without each fold
/// (<see cref="Folds"/> folds in a seeded order), up to <see cref="MaxRefittedData"/> data: closed-form leave-one-out
/// residuals keep the hyperparameters fitted on all the data, the held-out point included, and were measured to
/// cover too little on held-out candidates (79–84 % on three of eight tables, <c>sdl bench calibration</c>). Beyond
/// that size the hyperparameters are well determined, five refits would cost more than the campaign's proposals, and
/// the closed-form leave-one-out residuals are used (cf. Barber et al., "Predictive inference with the jackknife+",
/// Ann. Statist. 2021). Models other than a GP are not widened (κ = 1).
/// </para>
/// </summary>
internal static class PredictiveCalibration
{
    /// <summary>Cross-validation folds.</summary>
    public const int Folds = 5;

    /// <summary>Largest data count whose residuals are cross-validated with refitted hyperparameters.</summary>
    public const int MaxRefittedData = 200;

    private const double Level = 0.9;
    private const double NormalQuantile = 1.6448536269514722; // Φ⁻¹(0.95)
    private const int MinimumData = 9;

    /// <summary>κ for <paramref name="model"/>, fitted by <paramref name="fitter"/> on (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static double Scale(SurrogateFitter fitter, ISurrogateModel model, double[][] x, double[] y, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fitter);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (model is not GaussianProcessModel gaussianProcess || y.Length < MinimumData)
        {
            return 1;
        }

        var residuals = y.Length <= MaxRefittedData
            ? CrossValidatedResiduals(fitter, x, y, seed, cancellationToken)
            : gaussianProcess.LeaveOneOutResiduals();
        return ConformalScale(residuals);
    }

    /// <summary>max(1, q / z₀.₉₅) for standardized residuals (see the class remarks); 1 for fewer than 9.</summary>
    public static double ConformalScale(IReadOnlyList<double> standardizedResiduals)
    {
        ArgumentNullException.ThrowIfNull(standardizedResiduals);
        var sorted = standardizedResiduals.Select(Math.Abs).Order().ToArray();
        var rank = (int)Math.Ceiling(Level * (sorted.Length + 1));
        return sorted.Length >= MinimumData && rank <= sorted.Length && double.IsFinite(sorted[rank - 1])
            ? Math.Max(1, sorted[rank - 1] / NormalQuantile)
            : 1;
    }

    /// <summary>Each point's residual, standardized by its predicted measurement sd, from a model refitted without its fold.</summary>
    internal static double[] CrossValidatedResiduals(SurrogateFitter fitter, double[][] x, double[] y, int seed, CancellationToken cancellationToken)
    {
        var order = Enumerable.Range(0, y.Length).ToArray();
        new Random(seed).Shuffle(order);
        var residuals = new double[y.Length];
        for (var fold = 0; fold < Folds; fold++)
        {
            var test = order.Where((_, position) => position % Folds == fold).ToArray();
            var training = order.Where((_, position) => position % Folds != fold).ToArray();
            var (_, model) = fitter.Fit([.. training.Select(i => x[i])], [.. training.Select(i => y[i])], cancellationToken);
            var (mean, variance) = (new double[test.Length], new double[test.Length]);
            model.Predict([.. test.Select(i => x[i])], mean, variance);
            for (var k = 0; k < test.Length; k++)
            {
                residuals[test[k]] = (y[test[k]] - mean[k]) / Math.Sqrt(Math.Max(variance[k] + model.NoiseVariance, double.Epsilon));
            }
        }

        return residuals;
    }
}
