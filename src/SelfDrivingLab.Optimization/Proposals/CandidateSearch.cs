using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Designs;
using SelfDrivingLab.Optimization.Feasibility;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Maximizes an acquisition function (of the predictive distribution of a new measurement for EI and PI, see
/// <see cref="IAcquisitionFunction.ComparesMeasurements"/>) over the space: scores a seeded scrambled-Sobol candidate
/// set in the design cube
/// (one coordinate per parameter, so integers, categoricals and mixtures are always valid), refines the best few by a
/// bounded pattern search, and returns the best point that is not excluded. Deterministic; not thread-safe.
/// </summary>
internal sealed class CandidateSearch(
    SpaceEncoder encoder, ISurrogateModel model, Objective objective, IAcquisitionFunction acquisition, double bestScore, FeasibilityClassifier? feasibility = null)
{
    // EI and PI rank by their logarithm and are non-negative; UCB is signed (see FeasibilityWeighting).
    private readonly bool _nonNegative = acquisition is ExpectedImprovement or ProbabilityOfImprovement;
    private readonly double _noise = acquisition.ComparesMeasurements ? model.NoiseVariance : 0;

    private const int RefinedStarts = 5;
    private const int MaxPatternIterations = 40;
    private const double InitialStep = 0.1;
    private const double MinStep = 1e-3;

    public ScoredCandidate? FindBest(int candidateCount, int seed, IReadOnlySet<ParameterSet> excluded, CancellationToken cancellationToken)
    {
        var design = encoder.DesignDimension <= JoeKuoDirectionNumbers.MaxDimension
            ? new SobolSequence(encoder.DesignDimension, seed).Take(candidateCount)
            : InitialDesign.UnitPoints(InitialDesignKind.Random, encoder.DesignDimension, candidateCount, seed);
        var evaluations = Evaluate(design);
        var order = Enumerable.Range(0, design.Length).OrderByDescending(i => evaluations[i].Rank).ToArray();

        cancellationToken.ThrowIfCancellationRequested();
        var pool = Refine([.. order.Take(RefinedStarts).Select(i => (design[i], evaluations[i]))]);
        pool.AddRange(order.Select(i => (design[i], evaluations[i])));
        foreach (var (point, evaluation) in pool.OrderByDescending(p => p.Evaluation.Rank))
        {
            var parameters = encoder.FromDesign(point);
            if (!excluded.Contains(parameters) && encoder.Space.SatisfiesConstraints(parameters))
            {
                var (scoreMean, scoreSd) = ScoreDistribution.FromMeasured(objective, evaluation.Mean, Math.Sqrt(evaluation.Variance + _noise));
                var value = acquisition.Evaluate(scoreMean, scoreSd, bestScore);
                if (feasibility is not null)
                {
                    value = FeasibilityWeighting.Value(value, evaluation.Probability, bestScore, _nonNegative);
                }

                return new ScoredCandidate(parameters, encoder.Encode(parameters), value, evaluation.Mean, Math.Sqrt(evaluation.Variance));
            }
        }

        return null;
    }

    /// <summary>
    /// Coordinate pattern search in the design cube from each start: try ±step along each axis, move to the best
    /// improvement, else halve the step. The starts run in lock step so that each iteration evaluates the neighbours of
    /// all of them in one batch (one pass over the model's factor instead of one per start); each start's path is
    /// what it would be alone (up to rounding in the batched products).
    /// </summary>
    private List<(double[] Design, Evaluation Evaluation)> Refine(IReadOnlyList<(double[] Design, Evaluation Evaluation)> starts)
    {
        var current = starts.Select(s => (double[])s.Design.Clone()).ToArray();
        var currentEvaluation = starts.Select(s => s.Evaluation).ToArray();
        var step = Enumerable.Repeat(InitialStep, starts.Count).ToArray();
        var neighbours = new List<double[]>();
        var owners = new List<int>();
        for (var iteration = 0; iteration < MaxPatternIterations; iteration++)
        {
            if (step.All(v => v < MinStep))
            {
                break;
            }

            neighbours.Clear();
            owners.Clear();
            for (var s = 0; s < current.Length; s++)
            {
                if (step[s] < MinStep)
                {
                    continue;
                }

                foreach (var direction in new[] { -1.0, 1.0 })
                {
                    for (var j = 0; j < current[s].Length; j++)
                    {
                        var moved = Math.Clamp(current[s][j] + (direction * step[s]), 0, 1);
                        if (moved != current[s][j])
                        {
                            var neighbour = (double[])current[s].Clone();
                            neighbour[j] = moved;
                            neighbours.Add(neighbour);
                            owners.Add(s);
                        }
                    }
                }
            }

            var evaluations = neighbours.Count == 0 ? [] : Evaluate([.. neighbours]);
            var best = Enumerable.Repeat(-1, current.Length).ToArray();
            for (var k = 0; k < evaluations.Length; k++)
            {
                var s = owners[k];
                if (evaluations[k].Rank > (best[s] < 0 ? currentEvaluation[s].Rank : evaluations[best[s]].Rank))
                {
                    best[s] = k;
                }
            }

            for (var s = 0; s < current.Length; s++)
            {
                if (step[s] < MinStep)
                {
                    continue;
                }

                if (best[s] >= 0)
                {
                    (current[s], currentEvaluation[s]) = (neighbours[best[s]], evaluations[best[s]]);
                }
                else
                {
                    step[s] /= 2;
                }
            }
        }

        return [.. current.Select((c, s) => (c, currentEvaluation[s]))];
    }

    private Evaluation[] Evaluate(double[][] design)
    {
        var encoded = new double[design.Length][];
        for (var i = 0; i < design.Length; i++)
        {
            encoded[i] = new double[encoder.Dimension];
            encoder.DesignToEncoded(design[i], encoded[i]);
        }

        var mean = new double[design.Length];
        var variance = new double[design.Length];
        var probabilities = new double[design.Length];
        if (feasibility is not null)
        {
            // The two models side by side: a pattern search's batches are too small to split over the cores.
            Parallel.Invoke(() => model.Predict(encoded, mean, variance), () => feasibility.ProbabilitiesOfSuccess(encoded, probabilities));
        }
        else
        {
            model.Predict(encoded, mean, variance);
        }

        var evaluations = new Evaluation[design.Length];
        for (var i = 0; i < design.Length; i++)
        {
            var (scoreMean, scoreSd) = ScoreDistribution.FromMeasured(objective, mean[i], Math.Sqrt(Math.Max(variance[i], 0) + _noise));
            var rank = acquisition.RankingValue(scoreMean, scoreSd, bestScore);
            var probability = feasibility is null ? 1 : probabilities[i];
            if (feasibility is not null)
            {
                rank = FeasibilityWeighting.Ranking(rank, probability, bestScore, _nonNegative);
            }

            // A point outside the linear constraints is never chosen (it ranks below everything).
            var feasible = encoder.Space.Constraints.Count == 0 || encoder.Space.SatisfiesConstraints(encoder.FromDesign(design[i]));
            evaluations[i] = new Evaluation(double.IsNaN(rank) || !feasible ? double.NegativeInfinity : rank, mean[i], variance[i], probability);
        }

        return evaluations;
    }

    private readonly record struct Evaluation(double Rank, double Mean, double Variance, double Probability);
}
