using System.Diagnostics;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Feasibility;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// The fitted surrogate of one <see cref="SpaceProposer.Propose"/> call, conditioned on fantasies as the batch grows
/// (Kriging believer: each pending or chosen point is added at its predicted mean). Not thread-safe.
/// </summary>
internal sealed class ModelContext
{
    private readonly ISurrogate _surrogate;
    private readonly ISurrogateModel _fitted;
    private readonly SpaceEncoder _encoder;
    private readonly Objective _objective;
    private readonly IAcquisitionFunction? _acquisition;
    private readonly double _bestScore;
    private readonly int _candidateCount;
    private readonly FeasibilityClassifier? _feasibility;
    private ISurrogateModel _current;

    private ModelContext(ISurrogate surrogate, ISurrogateModel fitted, SpaceEncoder encoder, Objective objective, IAcquisitionFunction? acquisition, double bestScore, int candidateCount, FeasibilityClassifier? feasibility)
    {
        _feasibility = feasibility;
        _surrogate = surrogate;
        _fitted = fitted;
        _current = fitted;
        _encoder = encoder;
        _objective = objective;
        _acquisition = acquisition;
        _bestScore = bestScore;
        _candidateCount = candidateCount;
    }

    public static ModelContext Create(
        SurrogateFitter fitter,
        FeasibilityFitter feasibilityFitter,
        SpaceEncoder encoder,
        Objective objective,
        ProposerSettings settings,
        IReadOnlyList<Observation> observations,
        IReadOnlyList<ParameterSet> fantasies,
        IReadOnlyList<FailedObservation> failed,
        CancellationToken cancellationToken)
    {
        var x = observations.Select(o => encoder.Encode(o.Parameters)).ToArray();
        var y = observations.Select(o => o.Value).ToArray();
        var (surrogate, fitted) = fitter.Fit(x, y, cancellationToken);
        var scores = observations.Select(o => objective.Score(o.Value)).ToArray();
        var acquisition = AcquisitionFactory.Create(settings, scores);
        var feasibility = feasibilityFitter.Fit(x, [.. failed.Select(f => encoder.Encode(f.Parameters))]);
        var context = new ModelContext(surrogate, fitted, encoder, objective, acquisition, scores.Max(), settings.CandidateCount, feasibility);
        foreach (var fantasy in fantasies)
        {
            context.Believe(encoder.Encode(fantasy));
        }

        return context;
    }

    /// <summary>The best non-excluded point of the acquisition, conditioned into the model; null when none is left.</summary>
    public Proposal? Next(int seed, IReadOnlySet<ParameterSet> excluded, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var best = _acquisition is null
            ? new ThompsonSearch(_encoder, _current, _objective, _bestScore, _feasibility).FindBest(_candidateCount, seed, excluded, cancellationToken)
            : new CandidateSearch(_encoder, _current, _objective, _acquisition, _bestScore, _feasibility).FindBest(_candidateCount, seed, excluded, cancellationToken);
        ProposerMetrics.Record(ProposerMetrics.AcquisitionSearch, started);
        if (best is null)
        {
            return null;
        }

        _current = _current.Condition(best.Encoded, best.PredictedMean);
        var provenance = new ProposalProvenance(
            ProposalProvenance.ModelStrategy,
            _surrogate.Name,
            _fitted.Hyperparameters,
            _fitted.DataCount,
            _acquisition?.Name ?? ThompsonSearch.Name,
            best.AcquisitionValue,
            best.PredictedMean,
            best.PredictedStandardDeviation);
        return new Proposal(best.Parameters, provenance);
    }

    private void Believe(double[] encoded)
    {
        var mean = new double[1];
        var variance = new double[1];
        _current.Predict([encoded], mean, variance);
        _current = _current.Condition(encoded, mean[0]);
    }
}
