using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Per-objective predictions and the model-based front for the multi-objective proposers (<see cref="DesignRecommender"/> per objective).</summary>
internal static class ObjectivePredictions
{
    public static IReadOnlyList<IReadOnlyList<Prediction>> Predict(
        ProposerSettings settings, IReadOnlyList<Objective> objectives, IProposalDomain domain, IReadOnlyList<Observation> observations, IReadOnlyList<ParameterSet> at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(at);
        var values = observations.Select(o => ObjectiveValues.Read(o, objectives)).ToArray();
        var x = observations.Select(o => domain.Encode(o.Parameters, "Observation")).ToArray();
        var points = at.Select(p => domain.Encode(p, "Prediction point")).ToArray();
        return [.. objectives.Select((objective, j) => DesignRecommender.Predict(
            settings, objective, [.. observations.Select((o, i) => new Observation(o.Parameters, values[i][j]))], x, points, cancellationToken))];
    }

    public static IReadOnlyList<ParetoDesign> Front(
        ProposerSettings settings, IReadOnlyList<Objective> objectives, IProposalDomain domain, IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count < 2)
        {
            return [];
        }

        var measured = observations.Select(o => ObjectiveValues.Read(o, objectives)).ToArray();
        var predictions = Predict(settings, objectives, domain, observations, [.. observations.Select(o => o.Parameters)], cancellationToken);
        var means = Enumerable.Range(0, observations.Count).Select(i => predictions.Select(p => p[i].Mean).ToArray()).ToArray();
        return [.. ParetoFront.CountingFront(means, objectives).Select(i => new ParetoDesign(
            i, observations[i].Parameters, measured[i], means[i], [.. predictions.Select(p => p[i].StandardDeviation)]))];
    }
}
