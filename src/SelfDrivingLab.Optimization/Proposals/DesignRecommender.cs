using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Predictions and recommendations from a fresh fit of a proposer's surrogate (a Gaussian process when the proposer
/// has none). A Gaussian process's uncertainties are calibrated by <see cref="PredictiveCalibration"/>; proposals use
/// the fitted model as it is. With a prior mean (a pool proposer's <see cref="PriorMeanOffset"/>, given per observation
/// and per prediction point) the surrogate learns the residual and the offsets are added back, as in proposals.
/// </summary>
internal static class DesignRecommender
{
    public static IReadOnlyList<Prediction> Predict(
        ProposerSettings settings, Objective objective, IReadOnlyList<Observation> observations, double[][] x, double[][] at, CancellationToken cancellationToken, PriorOffsets? prior = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observations.Count, 1, nameof(observations));
        var (_, model, scale) = Fit(settings, objective, observations, x, prior?.Observed, cancellationToken);
        return Predict(model, scale, at, prior?.At, prior?.AtVariance);
    }

    /// <summary>The observed design with the best posterior mean; null with fewer than two observations.</summary>
    public static RecommendedDesign? Recommend(
        ProposerSettings settings, Objective objective, IReadOnlyList<Observation> observations, double[][] x, CancellationToken cancellationToken, PriorOffsets? prior = null)
    {
        if (observations.Count < 2)
        {
            return null;
        }

        var (surrogate, model, scale) = Fit(settings, objective, observations, x, prior?.Observed, cancellationToken);
        var predictions = Predict(model, scale, x, prior?.Observed, prior?.ObservedVariance);
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

    private static (ISurrogate Surrogate, ISurrogateModel Model, double Scale) Fit(
        ProposerSettings settings, Objective objective, IReadOnlyList<Observation> observations, double[][] x, double[]? offsets, CancellationToken cancellationToken)
    {
        var y = observations.Select(o => o.Value).ToArray();
        foreach (var value in y)
        {
            _ = objective.Score(value);
        }

        for (var i = 0; offsets is not null && i < y.Length; i++)
        {
            y[i] -= offsets[i];
        }

        var modelSettings = settings.Surrogate == SurrogateKind.Random ? settings with { Surrogate = SurrogateKind.GaussianProcess } : settings;
        var fitter = new SurrogateFitter(modelSettings);
        var (surrogate, model) = fitter.Fit(x, y, cancellationToken);
        return (surrogate, model, PredictiveCalibration.Scale(fitter, model, x, y, settings.Seed, cancellationToken));
    }

    private static Prediction[] Predict(ISurrogateModel model, double scale, double[][] at, double[]? offsets, double[]? extraVariance)
    {
        var mean = new double[at.Length];
        var variance = new double[at.Length];
        model.Predict(at, mean, variance);
        var noise = scale * Math.Sqrt(Math.Max(model.NoiseVariance, 0));
        return [.. mean.Select((m, i) => new Prediction(
            m + (offsets?[i] ?? 0), Math.Sqrt((scale * scale * Math.Max(variance[i], 0)) + (extraVariance?[i] ?? 0)), noise))];
    }

    /// <summary>A prior mean's offsets (and added variances) at the observations and at the prediction points.</summary>
    internal sealed record PriorOffsets(double[] Observed, double[] ObservedVariance, double[] At, double[] AtVariance);
}
