using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.AskTell;

/// <summary>What an <see cref="Optimizer"/> has learnt: prior data, results, failures, pending experiments and asks so far.</summary>
internal sealed record OptimizerMemory(
    IReadOnlyList<Observation> Prior,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<FailedObservation> Failures,
    IReadOnlyList<ParameterSet> Pending,
    int Asked)
{
    public static OptimizerMemory Empty { get; } = new([], [], [], [], 0);
}
