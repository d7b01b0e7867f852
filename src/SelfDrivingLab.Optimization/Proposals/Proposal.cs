using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>One proposed experiment and why it was chosen.</summary>
/// <param name="Parameters">The parameters to run, valid for the search space.</param>
/// <param name="Provenance">How they were chosen.</param>
public sealed record Proposal(ParameterSet Parameters, ProposalProvenance Provenance);
