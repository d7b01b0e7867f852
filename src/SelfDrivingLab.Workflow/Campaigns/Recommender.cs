using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>Picks the tested experiment with the best posterior mean of the objective (<see cref="IProposer.Recommend"/>).</summary>
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
            // Nothing to recommend, and no proposer to build: a campaign that failed because its space has no point to
            // propose would fail again building one.
            return null;
        }

        var observations = completed.Select(c => new Observation(c.Experiment.Parameters, c.Measured)).ToArray();
        if (ProposerFactory.Create(space, objective, settings).Recommend(observations, cancellationToken) is not { } design)
        {
            return null;
        }

        var (chosen, measured) = completed[design.ObservationIndex];
        return new Recommendation(chosen.Id, chosen.Sequence, chosen.Parameters, design.PredictedMean, design.PredictedStandardDeviation, measured, design.Surrogate);
    }
}
