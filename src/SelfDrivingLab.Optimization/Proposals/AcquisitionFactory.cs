using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>The acquisition function of a proposal, from the settings and the scores measured so far.</summary>
internal static class AcquisitionFactory
{
    /// <summary>Null for Thompson sampling (it samples instead of scoring).</summary>
    public static IAcquisitionFunction? Create(ProposerSettings settings, IReadOnlyList<double> scores)
    {
        // ξ is given in standardized units; the acquisition works in score units.
        var (_, spread) = SurrogateData.Moments(scores);
        var xi = settings.Xi * (spread > 0 ? spread : 1);
        return settings.Acquisition switch
        {
            AcquisitionKind.ThompsonSampling => null,
            AcquisitionKind.ExpectedImprovement => new ExpectedImprovement(xi),
            AcquisitionKind.ProbabilityOfImprovement => new ProbabilityOfImprovement(xi),
            AcquisitionKind.UpperConfidenceBound => new UpperConfidenceBound(settings.Beta),
            _ => throw new InvalidOperationException($"Unknown acquisition {settings.Acquisition}."),
        };
    }
}
