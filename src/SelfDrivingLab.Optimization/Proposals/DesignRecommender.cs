using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Recommends the observed design with the best posterior mean, from a fresh fit of the proposer's surrogate (a
/// Gaussian process when the proposer has none).
/// </summary>
internal static class DesignRecommender
{
    public static RecommendedDesign? Recommend(ProposerSettings settings, Objective objective, IReadOnlyList<Observation> observations, double[][] x, CancellationToken cancellationToken)
    {
        if (observations.Count < 2)
        {
            return null;
        }

        var y = observations.Select(o => o.Value).ToArray();
        foreach (var value in y)
        {
            _ = objective.Score(value);
        }

        var modelSettings = settings.Surrogate == SurrogateKind.Random ? settings with { Surrogate = SurrogateKind.GaussianProcess } : settings;
        var (surrogate, model) = new SurrogateFitter(modelSettings).Fit(x, y, cancellationToken);
        var mean = new double[x.Length];
        var variance = new double[x.Length];
        model.Predict(x, mean, variance);
        var best = 0;
        for (var i = 1; i < x.Length; i++)
        {
            if (objective.IsBetter(mean[i], mean[best]))
            {
                best = i;
            }
        }

        double? noise = model.Hyperparameters.TryGetValue("noise_variance", out var noiseVariance) ? Math.Sqrt(noiseVariance) : null;
        return new RecommendedDesign(best, observations[best].Parameters, mean[best], Math.Sqrt(Math.Max(variance[best], 0)), noise, surrogate.Name);
    }
}
