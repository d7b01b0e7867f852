using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Pools;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// A dataset prepared for the protocol: the candidate pool a proposer chooses from (candidate i is the parameter set
/// <c>candidate=i</c>, its features the dataset's inputs), the measured values, their scores (larger is better) and the
/// good sets. Immutable and thread-safe.
/// </summary>
internal sealed class BenchmarkPool
{
    public const string CandidateParameter = "candidate";

    public BenchmarkPool(BenchmarkDataset dataset, Objective objective)
    {
        var candidates = Enumerable.Range(0, dataset.CandidateCount).Select(i => new ParameterSet([new(CandidateParameter, ParameterValue.FromNumber(i))])).ToArray();
        Candidates = new CandidatePool(candidates, dataset.Inputs, dataset.InputNames);
        PriorMean = dataset.PriorMeans is { } means ? new PoolPriorMean(means, dataset.PriorUncertainties) : null;
        Targets = dataset.Targets;
        Scores = [.. dataset.Targets.Select(objective.Score)];
        Top5 = new GoodSet(Scores, 0.05);
        Top1 = new GoodSet(Scores, 0.01);
    }

    public CandidatePool Candidates { get; }

    /// <summary>The candidates' prior means (scaling and uncertainty as the settings ask), or null without any.</summary>
    public PoolPriorMean? PriorMean { get; }

    /// <summary>The measured value of each candidate (its replicates' mean), in the target's units.</summary>
    public IReadOnlyList<double> Targets { get; }

    public double[] Scores { get; }

    public GoodSet Top5 { get; }

    public GoodSet Top1 { get; }
}
