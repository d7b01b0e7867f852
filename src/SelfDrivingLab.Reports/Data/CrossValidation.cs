using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Reports.Data;

/// <summary>
/// Held-out predictions of a campaign's first objective by the campaign's own model (its surrogate and settings): each
/// measured experiment predicted from all the others plus the prior data — leave-one-out up to
/// <see cref="LeaveOneOutLimit"/> experiments, <see cref="Folds"/>-fold (seeded, shuffled) beyond. Thread-safe (stateless).
/// </summary>
public static class CrossValidation
{
    /// <summary>Largest number of measured experiments predicted leave-one-out (one model fit each).</summary>
    public const int LeaveOneOutLimit = 60;

    /// <summary>Folds used beyond <see cref="LeaveOneOutLimit"/>.</summary>
    public const int Folds = 10;

    /// <summary>z of the central 90 % interval of a normal distribution.</summary>
    public const double Z90 = 1.6448536269514722;

    /// <summary>How many folds <paramref name="measured"/> experiments are split into (each its own for leave-one-out).</summary>
    public static int FoldsFor(int measured) => measured <= LeaveOneOutLimit ? measured : Folds;

    /// <summary>The held-out predictions, in the order of <see cref="CampaignReportData.Measured"/>; empty without a definition or with fewer than 3 measured experiments.</summary>
    public static IReadOnlyList<CrossValidatedPrediction> Predict(CampaignReportData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var measured = data.Measured;
        if (data.Definition is not { } definition || measured.Count < 3)
        {
            return [];
        }

        var output = definition.Objective.Output;
        var values = measured.Select(e => CampaignReportData.ValueOf(e, output)!.Value).ToArray();
        Observation[] prior = [.. data.Prior.Where(p => p.Objectives.Count > 0).Select(p => new Observation(p.Parameters, p.Objectives[0].Value))];
        var folds = FoldsFor(measured.Count);
        var order = Enumerable.Range(0, measured.Count).ToArray();
        new Random(definition.Seed).Shuffle(order);
        var results = new CrossValidatedPrediction[measured.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var test = order.Where((_, position) => position % folds == fold).ToArray();
            var training = order.Where((_, position) => position % folds != fold)
                .Select(i => new Observation(measured[i].Parameters, values[i]))
                .Concat(prior)
                .ToArray();
            var proposer = ProposerFactory.Create(definition.Space, definition.Objective, definition.Proposer.WithPrior(prior.Length));
            IReadOnlyList<ParameterSet> at = [.. test.Select(i => measured[i].Parameters)];
            var predictions = proposer.Predict(training, at, cancellationToken);
            for (var k = 0; k < test.Length; k++)
            {
                results[test[k]] = new CrossValidatedPrediction(measured[test[k]], values[test[k]], predictions[k]);
            }
        }

        return results;
    }

    /// <summary>How many held-out measurements fall inside their central 90 % predictive interval.</summary>
    public static int Covered(IEnumerable<CrossValidatedPrediction> predictions) =>
        predictions.Count(p => Math.Abs(p.Measured - p.Prediction.Mean) <= Z90 * p.Prediction.MeasurementStandardDeviation);
}
