using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Predictions and recommendations from a fresh fit of a proposer's surrogate (a Gaussian process when the proposer
/// has none). A Gaussian process's uncertainties are calibrated: a GP with fitted (plug-in) hyperparameters ignores
/// their uncertainty and any misfit of its noise model, so its intervals are usually too narrow. Its leave-one-out
/// residuals zᵢ, standardized by their predicted sd (noise included), would be N(0, 1) if it were right; the
/// predictive standard deviations (of the mean and of the noise) are multiplied by κ = max(1, q / z₀.₉₅), where q is
/// the ⌈0.9 (n + 1)⌉-th smallest |zᵢ| (the split-conformal rank for a 90 % interval, defined from n = 9 on) and
/// z₀.₉₅ = 1.645, so that the central 90 % interval of a measurement covers what the model's own data say it should
/// (jackknife calibration; cf. Barber et al., "Predictive inference with the jackknife+", Ann. Statist. 2021). κ only
/// widens; proposals use the fitted model as it is.
/// </summary>
internal static class DesignRecommender
{
    private const double Level = 0.9;
    private const double NormalQuantile = 1.6448536269514722; // Φ⁻¹(0.95)

    public static IReadOnlyList<Prediction> Predict(ProposerSettings settings, Objective objective, IReadOnlyList<Observation> observations, double[][] x, double[][] at, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observations.Count, 1, nameof(observations));
        var (_, model) = Fit(settings, objective, observations, x, cancellationToken);
        return Predict(model, at);
    }

    /// <summary>The observed design with the best posterior mean; null with fewer than two observations.</summary>
    public static RecommendedDesign? Recommend(ProposerSettings settings, Objective objective, IReadOnlyList<Observation> observations, double[][] x, CancellationToken cancellationToken)
    {
        if (observations.Count < 2)
        {
            return null;
        }

        var (surrogate, model) = Fit(settings, objective, observations, x, cancellationToken);
        var predictions = Predict(model, x);
        var best = 0;
        for (var i = 1; i < x.Length; i++)
        {
            if (objective.IsBetter(predictions[i].Mean, predictions[best].Mean))
            {
                best = i;
            }
        }

        var chosen = predictions[best];
        return new RecommendedDesign(best, observations[best].Parameters, chosen.Mean, chosen.StandardDeviation, model.NoiseVariance > 0 ? chosen.NoiseStandardDeviation : null, surrogate.Name);
    }

    private static (ISurrogate Surrogate, ISurrogateModel Model) Fit(ProposerSettings settings, Objective objective, IReadOnlyList<Observation> observations, double[][] x, CancellationToken cancellationToken)
    {
        var y = observations.Select(o => o.Value).ToArray();
        foreach (var value in y)
        {
            _ = objective.Score(value);
        }

        var modelSettings = settings.Surrogate == SurrogateKind.Random ? settings with { Surrogate = SurrogateKind.GaussianProcess } : settings;
        return new SurrogateFitter(modelSettings).Fit(x, y, cancellationToken);
    }

    private static Prediction[] Predict(ISurrogateModel model, double[][] at)
    {
        var mean = new double[at.Length];
        var variance = new double[at.Length];
        model.Predict(at, mean, variance);
        var scale = CalibrationScale(model);
        var noise = scale * Math.Sqrt(Math.Max(model.NoiseVariance, 0));
        return [.. mean.Select((m, i) => new Prediction(m, scale * Math.Sqrt(Math.Max(variance[i], 0)), noise))];
    }

    /// <summary>κ (see the class remarks); 1 for models without closed-form leave-one-out residuals or fewer than 9 data.</summary>
    internal static double CalibrationScale(ISurrogateModel model)
    {
        if (model is not GaussianProcessModel gaussianProcess)
        {
            return 1;
        }

        var residuals = gaussianProcess.LeaveOneOutResiduals().Select(Math.Abs).Order().ToArray();
        var rank = (int)Math.Ceiling(Level * (residuals.Length + 1));
        return rank <= residuals.Length && double.IsFinite(residuals[rank - 1]) ? Math.Max(1, residuals[rank - 1] / NormalQuantile) : 1;
    }
}
