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
/// <remarks>
/// With a feasibility classifier the weighted ranking is increasing in the probability of success p ≤ 1, so the
/// unweighted acquisition (p = 1) bounds it from above. The classifier — as costly per point as the GP — is evaluated
/// only where that bound could matter: for the best candidates until the leaders' exact rankings beat every other
/// candidate's bound, and for pattern-search neighbours whose bound beats their start. The choices are those of
/// evaluating it everywhere (<c>boundFeasibility: false</c>, which tests compare against).
/// </remarks>
internal sealed class CandidateSearch(
    SpaceEncoder encoder, ISurrogateModel model, Objective objective, IAcquisitionFunction acquisition, double bestScore, FeasibilityClassifier? feasibility = null, bool boundFeasibility = true)
{
    // EI and PI rank by their logarithm and are non-negative; UCB is signed (see FeasibilityWeighting).
    private readonly bool _nonNegative = acquisition is ExpectedImprovement or ProbabilityOfImprovement;
    private readonly double _noise = acquisition.ComparesMeasurements ? model.NoiseVariance : 0;

    private const int RefinedStarts = 5;
    private const int MaxPatternIterations = 40;
    private const double InitialStep = 0.1;
    private const double MinStep = 1e-3;

    // Candidates whose classifier is evaluated at a time when the leaders' bounds are not yet exact.
    private const int ResolveBatch = 64;

    public ScoredCandidate? FindBest(int candidateCount, int seed, IReadOnlySet<ParameterSet> excluded, CancellationToken cancellationToken)
    {
        var design = encoder.DesignDimension <= JoeKuoDirectionNumbers.MaxDimension
            ? new SobolSequence(encoder.DesignDimension, seed).Take(candidateCount)
            : InitialDesign.UnitPoints(InitialDesignKind.Random, encoder.DesignDimension, candidateCount, seed);
        var (evaluations, encoded) = Evaluate(design);
        var order = ExactLeaders(evaluations, encoded, RefinedStarts);

        cancellationToken.ThrowIfCancellationRequested();
        var refined = Refine([.. order.Take(RefinedStarts).Select(i => (design[i], evaluations[i]))]);
        while (true)
        {
            var pool = refined.Select(r => (r.Design, r.Evaluation, Index: -1))
                .Concat(Enumerable.Range(0, design.Length).Select(i => (Design: design[i], Evaluation: evaluations[i], Index: i)))
                .OrderByDescending(p => p.Evaluation.Rank);
            var (choice, unresolved) = Choose(pool, excluded);
            if (unresolved.Count == 0)
            {
                return choice;
            }

            Resolve(evaluations, encoded, unresolved);
        }
    }

    /// <summary>
    /// The first valid (not excluded, within the constraints) point of <paramref name="pool"/>, or the unresolved
    /// candidates (up to <see cref="ResolveBatch"/>) met before one was found.
    /// </summary>
    private (ScoredCandidate? Choice, List<int> Unresolved) Choose(IEnumerable<(double[] Design, Evaluation Evaluation, int Index)> pool, IReadOnlySet<ParameterSet> excluded)
    {
        var unresolved = new List<int>();
        foreach (var (point, evaluation, index) in pool)
        {
            if (!evaluation.Exact)
            {
                unresolved.Add(index);
                if (unresolved.Count == ResolveBatch)
                {
                    break;
                }

                continue;
            }

            if (unresolved.Count > 0)
            {
                continue;
            }

            var parameters = encoder.FromDesign(point);
            if (!excluded.Contains(parameters) && encoder.Space.SatisfiesConstraints(parameters))
            {
                var (scoreMean, scoreSd) = ScoreDistribution.FromMeasured(objective, evaluation.Mean, Math.Sqrt(evaluation.Variance + _noise));
                var value = acquisition.Evaluate(scoreMean, scoreSd, bestScore);
                if (feasibility is not null)
                {
                    value = FeasibilityWeighting.Value(value, evaluation.Probability, bestScore, _nonNegative);
                }

                return (new ScoredCandidate(parameters, encoder.Encode(parameters), value, evaluation.Mean, Math.Sqrt(evaluation.Variance)), unresolved);
            }
        }

        return (null, unresolved);
    }

    /// <summary>
    /// The candidates by descending rank, the first <paramref name="count"/> with exact rankings: an unresolved
    /// candidate's bound is then no higher than any of them.
    /// </summary>
    private int[] ExactLeaders(Evaluation[] evaluations, double[][] encoded, int count)
    {
        while (true)
        {
            var order = Enumerable.Range(0, evaluations.Length).OrderByDescending(i => evaluations[i].Rank).ToArray();
            if (order.Take(count).All(i => evaluations[i].Exact))
            {
                return order;
            }

            Resolve(evaluations, encoded, [.. order.Take(count + ResolveBatch).Where(i => !evaluations[i].Exact)]);
        }
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

            var (evaluations, encoded) = Evaluate([.. neighbours]);

            // A neighbour whose bound does not beat its start cannot be chosen: its classifier is not needed.
            Resolve(evaluations, encoded, [.. Enumerable.Range(0, evaluations.Length).Where(k => !evaluations[k].Exact && evaluations[k].Rank > currentEvaluation[owners[k]].Rank)]);
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

    /// <summary>
    /// The GP's predictions and rankings of the points; with a classifier the rankings are upper bounds (p = 1) until
    /// <see cref="Resolve"/>d, except for points ranked below everything (NaN, outside the constraints), which are exact.
    /// </summary>
    private (Evaluation[] Evaluations, double[][] Encoded) Evaluate(double[][] design)
    {
        var encoded = new double[design.Length][];
        for (var i = 0; i < design.Length; i++)
        {
            encoded[i] = new double[encoder.Dimension];
            encoder.DesignToEncoded(design[i], encoded[i]);
        }

        var mean = new double[design.Length];
        var variance = new double[design.Length];
        if (design.Length > 0)
        {
            model.Predict(encoded, mean, variance);
        }

        var evaluations = new Evaluation[design.Length];
        for (var i = 0; i < design.Length; i++)
        {
            var (scoreMean, scoreSd) = ScoreDistribution.FromMeasured(objective, mean[i], Math.Sqrt(Math.Max(variance[i], 0) + _noise));
            var acquisitionRank = acquisition.RankingValue(scoreMean, scoreSd, bestScore);

            // A point outside the linear constraints is never chosen (it ranks below everything).
            var feasible = encoder.Space.Constraints.Count == 0 || encoder.Space.SatisfiesConstraints(encoder.FromDesign(design[i]));
            var excluded = double.IsNaN(acquisitionRank) || !feasible;
            var exact = feasibility is null || excluded;
            var rank = excluded ? double.NegativeInfinity : feasibility is null ? acquisitionRank : FeasibilityWeighting.Ranking(acquisitionRank, 1, bestScore, _nonNegative);
            evaluations[i] = new Evaluation(rank, acquisitionRank, mean[i], variance[i], 1, exact);
        }

        if (!boundFeasibility)
        {
            Resolve(evaluations, encoded, [.. Enumerable.Range(0, design.Length).Where(i => !evaluations[i].Exact)]);
        }

        return (evaluations, encoded);
    }

    /// <summary>Weights the rankings of <paramref name="indices"/> by the classifier's probabilities of success (one batch).</summary>
    private void Resolve(Evaluation[] evaluations, double[][] encoded, List<int> indices)
    {
        if (feasibility is null || indices.Count == 0)
        {
            return;
        }

        var probabilities = new double[indices.Count];
        feasibility.ProbabilitiesOfSuccess([.. indices.Select(i => encoded[i])], probabilities);
        for (var j = 0; j < indices.Count; j++)
        {
            var e = evaluations[indices[j]];
            var rank = FeasibilityWeighting.Ranking(e.AcquisitionRank, probabilities[j], bestScore, _nonNegative);
            evaluations[indices[j]] = e with { Rank = double.IsNaN(rank) ? double.NegativeInfinity : rank, Probability = probabilities[j], Exact = true };
        }
    }

    /// <summary>Rank: the (weighted) ranking, an upper bound while not <see cref="Exact"/>; AcquisitionRank: unweighted.</summary>
    private readonly record struct Evaluation(double Rank, double AcquisitionRank, double Mean, double Variance, double Probability, bool Exact);
}
