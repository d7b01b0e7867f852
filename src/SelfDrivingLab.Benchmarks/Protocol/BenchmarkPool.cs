using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>A dataset prepared for the protocol: unit-cube inputs, scores (larger is better) and the good sets. Immutable.</summary>
internal sealed class BenchmarkPool
{
    public BenchmarkPool(BenchmarkDataset dataset, Objective objective)
    {
        Inputs = dataset.ScaledInputs();
        Scores = [.. dataset.Targets.Select(objective.Score)];
        Top5 = new GoodSet(Scores, 0.05);
        Top1 = new GoodSet(Scores, 0.01);
    }

    public double[][] Inputs { get; }

    public double[] Scores { get; }

    public GoodSet Top5 { get; }

    public GoodSet Top1 { get; }
}
