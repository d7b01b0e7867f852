using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>Picks the tested experiment with the best posterior mean of the objective.</summary>
internal static class Recommender
{
    /// <summary>Null when fewer than two experiments completed (a model needs data).</summary>
    public static Recommendation? Recommend(
        SearchSpace space,
        Objective objective,
        ProposerSettings settings,
        IReadOnlyList<(BestExperiment Experiment, double Measured)> completed,
        CancellationToken cancellationToken)
    {
        if (completed.Count < 2)
        {
            return null;
        }

        var encoder = new SpaceEncoder(space);
        var x = completed.Select(c => encoder.Encode(c.Experiment.Parameters)).ToArray();
        var y = completed.Select(c => c.Measured).ToArray();
        ISurrogate surrogate = settings.Surrogate == SurrogateKind.BayesianRidge
            ? new BayesianRidgeSurrogate()
            : new GaussianProcessSurrogate(new GaussianProcessOptions { Kernel = settings.Kernel, Restarts = settings.Restarts, Seed = settings.Seed });
        var model = surrogate.Fit(x, y, cancellationToken);
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

        var chosen = completed[best].Experiment;
        return new Recommendation(chosen.Id, chosen.Sequence, chosen.Parameters, mean[best], Math.Sqrt(Math.Max(0, variance[best])), completed[best].Measured, surrogate.Name);
    }
}
