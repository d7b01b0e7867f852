using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>
/// What the final model recommends among a campaign's completed experiments, trained on them and on the prior data:
/// with one objective the experiment with the best posterior mean (<see cref="IProposer.Recommend"/>), with several
/// the model-based Pareto set (<see cref="IMultiObjectiveProposer.PredictObjectives"/> at the experiments' designs).
/// Prior rows train the model but are never recommended: they are not what the campaign found.
/// </summary>
internal static class Recommender
{
    /// <summary>Null when fewer than two experiments completed (a model needs data).</summary>
    public static Recommendation? Recommend(
        CampaignDefinition definition,
        IReadOnlyList<Observation> prior,
        IReadOnlyList<(BestExperiment Experiment, Observation Observation)> completed,
        CancellationToken cancellationToken)
    {
        if (completed.Count < 2)
        {
            // Nothing to recommend, and no proposer to build: a campaign that failed because its space has no point to
            // propose would fail again building one.
            return null;
        }

        var proposer = ProposerFactory.Create(definition.Space, definition.Objective, definition.Proposer.WithPrior(prior.Count));
        Observation[] observations = [.. completed.Select(c => c.Observation), .. prior];
        if (proposer.Recommend(observations, cancellationToken) is not { } design)
        {
            return null;
        }

        if (design.ObservationIndex < completed.Count)
        {
            var (chosen, observation) = completed[design.ObservationIndex];
            return new Recommendation(chosen.Id, chosen.Sequence, chosen.Parameters, design.PredictedMean, design.PredictedStandardDeviation, observation.Value, design.Surrogate);
        }

        // A prior row is the model's best: recommend the best of the campaign's own experiments by the same model.
        var predictions = proposer.Predict(observations, [.. completed.Select(c => c.Experiment.Parameters)], cancellationToken);
        var best = 0;
        for (var i = 1; i < predictions.Count; i++)
        {
            if (definition.Objective.IsBetter(predictions[i].Mean, predictions[best].Mean))
            {
                best = i;
            }
        }

        var (experiment, measured) = completed[best];
        return new Recommendation(experiment.Id, experiment.Sequence, experiment.Parameters, predictions[best].Mean, predictions[best].StandardDeviation, measured.Value, design.Surrogate);
    }

    /// <summary>The measured Pareto front of <paramref name="completed"/>, its hypervolume and reference point (<see cref="ReferencePoint"/>).</summary>
    public static (IReadOnlyList<ParetoExperiment> Front, double? Hypervolume, IReadOnlyList<ObjectiveValue>? Reference) MeasuredFront(
        IReadOnlyList<Objective> objectives, IReadOnlyList<(BestExperiment Experiment, Observation Observation)> completed)
    {
        var values = completed.Select(c => Values(objectives, c.Observation)).ToArray();
        var front = ParetoFront.CountingFront(values, objectives);
        var experiments = front.Select(i => Experiment(objectives, completed[i].Experiment, values[i])).ToList();
        if (completed.Count == 0)
        {
            return (experiments, null, null);
        }

        var scores = values.Select(v => (IReadOnlyList<double>)objectives.Select((o, j) => o.Score(v[j])).ToArray()).ToArray();
        var counts = values.Select(v => objectives.Select((o, j) => o.Counts(v[j])).All(c => c)).ToArray();
        var reference = ReferencePoint.Infer(objectives, scores, counts);
        var hypervolume = Hypervolume.Compute([.. front.Select(i => scores[i])], reference);
        return (experiments, hypervolume, [.. objectives.Select((o, j) => new ObjectiveValue(o.Output, FromScore(o, reference[j])))]);
    }

    /// <summary>The model-based Pareto set among <paramref name="completed"/>; null when fewer than two completed.</summary>
    public static IReadOnlyList<ParetoExperiment>? RecommendFront(
        CampaignDefinition definition,
        IReadOnlyList<Observation> prior,
        IReadOnlyList<(BestExperiment Experiment, Observation Observation)> completed,
        CancellationToken cancellationToken)
    {
        if (completed.Count < 2)
        {
            return null;
        }

        var objectives = definition.Objectives;
        var proposer = (IMultiObjectiveProposer)ProposerFactory.Create(definition.Space, objectives, definition.Proposer.WithPrior(prior.Count));
        var predictions = proposer.PredictObjectives([.. completed.Select(c => c.Observation), .. prior], [.. completed.Select(c => c.Experiment.Parameters)], cancellationToken);
        var means = completed.Select((_, i) => (IReadOnlyList<double>)predictions.Select(p => p[i].Mean).ToArray()).ToArray();
        return [.. ParetoFront.CountingFront(means, objectives).Select(i => Experiment(objectives, completed[i].Experiment, Values(objectives, completed[i].Observation)) with
        {
            Predicted = [.. objectives.Select((o, j) => new ObjectiveValue(o.Output, means[i][j]))],
            PredictedStandardDeviations = [.. predictions.Select(p => p[i].StandardDeviation)],
        })];
    }

    private static double[] Values(IReadOnlyList<Objective> objectives, Observation observation) =>
        [.. objectives.Select((o, j) => j == 0 && observation.Outputs?.ContainsKey(o.Output) != true ? observation.Value : observation.Outputs!.GetNumber(o.Output))];

    private static ParetoExperiment Experiment(IReadOnlyList<Objective> objectives, BestExperiment experiment, double[] values) =>
        new(experiment.Id, experiment.Sequence, experiment.Parameters, [.. objectives.Select((o, j) => new ObjectiveValue(o.Output, values[j]))]);

    /// <summary>A score back in measured units: y for maximize, -score for minimize, and for a target the distance from it.</summary>
    private static double FromScore(Objective objective, double score) => objective.Goal == ObjectiveGoal.Maximize ? score : -score;
}
