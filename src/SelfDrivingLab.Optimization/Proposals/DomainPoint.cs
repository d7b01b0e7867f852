using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>The winner of <see cref="IProposalDomain.Maximize"/>: its parameters, model input and rank.</summary>
/// <param name="Parameters">The parameters.</param>
/// <param name="Encoded">The model's input for them.</param>
/// <param name="Rank">The rank it won with.</param>
internal sealed record DomainPoint(ParameterSet Parameters, double[] Encoded, double Rank);
