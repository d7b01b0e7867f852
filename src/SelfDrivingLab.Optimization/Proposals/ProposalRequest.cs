using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>What the proposer knows when asked for the next experiments.</summary>
/// <param name="Observations">Completed experiments.</param>
/// <param name="Pending">Experiments proposed earlier and still running (the model treats them as fantasies).</param>
/// <param name="ProposedSoFar">How many experiments the campaign has proposed before this request (numbers the next one).</param>
/// <param name="Count">How many experiments to propose (at least 1).</param>
public sealed record ProposalRequest(IReadOnlyList<Observation> Observations, IReadOnlyList<ParameterSet> Pending, int ProposedSoFar, int Count)
{
    /// <summary>
    /// Experiments that failed (default empty). They are never proposed again, and once there is at least one, a
    /// <see cref="Feasibility.FeasibilityClassifier"/> learns where experiments fail and weights the acquisition by the
    /// probability of success.
    /// </summary>
    public IReadOnlyList<FailedObservation> Failed { get; init; } = [];
}
