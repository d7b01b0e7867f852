using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Predictions and recommendations from a fresh fit of a proposer's surrogate (a Gaussian process when the proposer
/// has none).
/// </summary>
internal static class DesignRecommender
{
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
        var noise = Math.Sqrt(Math.Max(model.NoiseVariance, 0));
        return [.. mean.Select((m, i) => new Prediction(m, Math.Sqrt(Math.Max(variance[i], 0)), noise))];
    }
}
