using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Feasibility;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// The fitted models of one <see cref="HypervolumeProposer.Propose"/> call: one surrogate per objective (independent,
/// same kind and kernel, each fitted by <see cref="SurrogateFitter"/>), the reference point
/// (<see cref="ReferencePoint"/>), the Pareto front of the results that count, and the feasibility classifier when
/// experiments failed. A candidate is ranked by log EHVI of the posterior of its true values (the latent, noise-free
/// scores; a target goal's score by its moment-matched Gaussian, <see cref="ScoreDistribution"/>), plus the log
/// probability of meeting the thresholds the reference point does not express (an upper limit on a maximized output, a
/// lower one on a minimized output, either on a target), plus the log probability of success. Each pending or chosen
/// point is believed at its posterior means (Kriging believer): every model is conditioned on it and, when those means
/// count, they join the front — sequential greedy batch selection. Not thread-safe.
/// </summary>
internal sealed class HypervolumeContext
{
    private readonly IProposalDomain _domain;
    private readonly IReadOnlyList<Objective> _objectives;
    private readonly ISurrogate _surrogate;
    private readonly ISurrogateModel[] _fitted;
    private readonly ISurrogateModel[] _current;
    private readonly double[] _reference;
    private readonly List<IReadOnlyList<double>> _front;
    private readonly FeasibilityClassifier? _feasibility;
    private ExpectedHypervolumeImprovement _ehvi;

    private HypervolumeContext(
        IProposalDomain domain, IReadOnlyList<Objective> objectives, ISurrogate surrogate, ISurrogateModel[] fitted, double[] reference, List<IReadOnlyList<double>> front, FeasibilityClassifier? feasibility)
    {
        (_domain, _objectives, _surrogate, _fitted, _current) = (domain, objectives, surrogate, fitted, (ISurrogateModel[])fitted.Clone());
        (_reference, _front, _feasibility) = (reference, front, feasibility);
        _ehvi = new ExpectedHypervolumeImprovement(front, reference);
    }

    /// <summary>The reference point (scores).</summary>
    public IReadOnlyList<double> Reference => _reference;

    public static HypervolumeContext Create(
        SurrogateFitter fitter,
        IProposalDomain domain,
        IReadOnlyList<Objective> objectives,
        double[][] x,
        double[][] values,
        IReadOnlyList<double[]> fantasies,
        IReadOnlyList<double[]> failed,
        CancellationToken cancellationToken)
    {
        ISurrogate? surrogate = null;
        var fitted = new ISurrogateModel[objectives.Count];
        for (var j = 0; j < objectives.Count; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (surrogate, fitted[j]) = fitter.Fit(x, [.. values.Select(v => v[j])], cancellationToken);
        }

        var scores = values.Select(v => (IReadOnlyList<double>)ObjectiveValues.Scores(v, objectives)).ToArray();
        var counts = values.Select(v => ObjectiveValues.Count(v, objectives)).ToArray();
        var reference = ReferencePoint.Infer(objectives, scores, counts);
        var front = ParetoFront.CountingFront(values, objectives).Select(i => scores[i]).ToList();
        var feasibility = failed.Count > 0 ? FeasibilityClassifier.Fit(x, failed) : null;
        var context = new HypervolumeContext(domain, objectives, surrogate!, fitted, reference, front, feasibility);
        foreach (var fantasy in fantasies)
        {
            context.Believe(fantasy);
        }

        return context;
    }

    /// <summary>The best non-excluded point by EHVI, believed into the models; null when none is left.</summary>
    public Proposal? Next(int seed, IReadOnlySet<ParameterSet> excluded, CancellationToken cancellationToken)
    {
        if (_domain.Maximize(Rank, seed, excluded, cancellationToken) is not { } best)
        {
            return null;
        }

        var (mean, variance) = Predict([best.Encoded]);
        Believe(best.Encoded);
        var hyperparameters = new Dictionary<string, double>();
        for (var j = 0; j < _objectives.Count; j++)
        {
            foreach (var (name, value) in _fitted[j].Hyperparameters)
            {
                hyperparameters[$"{_objectives[j].Output}.{name}"] = value;
            }
        }

        var provenance = new ProposalProvenance(
            ProposalProvenance.ModelStrategy,
            _surrogate.Name,
            hyperparameters,
            _fitted[0].DataCount,
            ExpectedHypervolumeImprovement.Name,
            Math.Exp(best.Rank),
            mean[0][0],
            Math.Sqrt(Math.Max(variance[0][0], 0)));
        return new Proposal(best.Parameters, provenance);
    }

    /// <summary>log EHVI + log P(other thresholds met) + log P(success) of each row of <paramref name="x"/>.</summary>
    public double[] Rank(double[][] x)
    {
        var (mean, variance) = Predict(x);
        var m = _objectives.Count;
        var ranks = new double[x.Length];
        var scoreMean = new double[m];
        var scoreSd = new double[m];
        for (var i = 0; i < x.Length; i++)
        {
            var rank = 0.0;
            for (var j = 0; j < m; j++)
            {
                var sd = Math.Sqrt(Math.Max(variance[j][i], 0));
                (scoreMean[j], scoreSd[j]) = ScoreDistribution.FromMeasured(_objectives[j], mean[j][i], sd);
                rank += LogProbabilityOfOtherThresholds(_objectives[j], mean[j][i], sd);
            }

            rank += _ehvi.LogEvaluate(scoreMean, scoreSd);
            if (_feasibility is not null)
            {
                rank += Math.Log(Math.Max(_feasibility.ProbabilityOfSuccess(x[i]), 1e-12));
            }

            ranks[i] = rank;
        }

        return ranks;
    }

    /// <summary>
    /// log P(the thresholds the reference point does not express are met) for Y ~ N(μ, σ²) (0 without such thresholds).
    /// </summary>
    internal static double LogProbabilityOfOtherThresholds(Objective objective, double mean, double standardDeviation)
    {
        var low = objective.Goal == ObjectiveGoal.Maximize ? null : objective.AtLeast;
        var high = objective.Goal == ObjectiveGoal.Minimize ? null : objective.AtMost;
        if (low is null && high is null)
        {
            return 0;
        }

        if (!(standardDeviation > 0))
        {
            return (low is null || mean >= low) && (high is null || mean <= high) ? 0 : double.NegativeInfinity;
        }

        var belowHigh = high is { } h ? StandardNormal.LogCdf((h - mean) / standardDeviation) : 0;
        if (low is not { } l)
        {
            return belowHigh;
        }

        // P(l ≤ Y ≤ h) = Φ((h - μ)/σ) - Φ((l - μ)/σ).
        var belowLow = StandardNormal.LogCdf((l - mean) / standardDeviation);
        return high is null ? StandardNormal.LogCdf((mean - l) / standardDeviation) : ExpectedHypervolumeImprovement.LogDifference(belowHigh, belowLow);
    }

    private (double[][] Mean, double[][] Variance) Predict(double[][] x)
    {
        var mean = new double[_objectives.Count][];
        var variance = new double[_objectives.Count][];
        for (var j = 0; j < _objectives.Count; j++)
        {
            mean[j] = new double[x.Length];
            variance[j] = new double[x.Length];
            _current[j].Predict(x, mean[j], variance[j]);
        }

        return (mean, variance);
    }

    private void Believe(double[] x)
    {
        var (mean, _) = Predict([x]);
        var believed = mean.Select(m => m[0]).ToArray();
        for (var j = 0; j < _objectives.Count; j++)
        {
            _current[j] = _current[j].Condition(x, believed[j]);
        }

        if (ObjectiveValues.Count(believed, _objectives))
        {
            var scores = ObjectiveValues.Scores(believed, _objectives);
            if (!_front.Any(p => ParetoFront.Dominates(p, scores) || p.SequenceEqual(scores)))
            {
                _front.RemoveAll(p => ParetoFront.Dominates(scores, p));
                _front.Add(scores);
                _ehvi = new ExpectedHypervolumeImprovement(_front, _reference);
            }
        }
    }
}
