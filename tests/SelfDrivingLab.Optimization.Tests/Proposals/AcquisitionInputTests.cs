using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

/// <summary>EI and PI score the next measurement (latent + noise) against the best measurement; UCB bounds the latent value.</summary>
public sealed class AcquisitionInputTests
{
    private static readonly Objective Maximize = new("y", ObjectiveGoal.Maximize);

    private static (CandidatePool Pool, List<Observation> Observations) NoisyPool()
    {
        var random = new Random(4);
        var candidates = Enumerable.Range(0, 40).Select(i => new ParameterSet([new("id", ParameterValue.FromNumber(i))])).ToArray();
        var features = Enumerable.Range(0, 40).Select(i => (IReadOnlyList<double>)[i / 39.0, (i * 13 % 40) / 39.0]).ToArray();
        var pool = new CandidatePool(candidates, features);
        var observations = Enumerable.Range(0, 15)
            .Select(i => new Observation(candidates[i * 2], Math.Sin(5 * features[i * 2][0]) + features[i * 2][1] + (0.3 * (random.NextDouble() - 0.5))))
            .ToList();
        return (pool, observations);
    }

    [Fact]
    public void ComparesMeasurements_EiAndPiYesUcbNo()
    {
        Assert.True(new ExpectedImprovement().ComparesMeasurements);
        Assert.True(new ProbabilityOfImprovement().ComparesMeasurements);
        Assert.False(((IAcquisitionFunction)new UpperConfidenceBound()).ComparesMeasurements);
    }

    [Fact]
    public void Propose_ExpectedImprovement_IsTheClosedFormOnTheMeasurementSd()
    {
        var (pool, observations) = NoisyPool();
        var settings = ProposerSettings.Default(2, 3) with { Acquisition = AcquisitionKind.ExpectedImprovement, InitialCount = 2 };

        var provenance = Assert.Single(ProposerFactory.Create(pool, Maximize, settings).Propose(new ProposalRequest(observations, [], 15, 1))).Provenance;

        var noise = provenance.Hyperparameters["noise_variance"];
        var sd = Math.Sqrt((provenance.PredictedStandardDeviation!.Value * provenance.PredictedStandardDeviation.Value) + noise);
        var gain = provenance.PredictedMean!.Value - observations.Max(o => o.Value);
        var expected = (gain * StandardNormal.Cdf(gain / sd)) + (sd * StandardNormal.Pdf(gain / sd));
        Assert.True(noise > 0);
        Assert.Equal(expected, provenance.AcquisitionValue!.Value, 9);
    }

    [Fact]
    public void Propose_UpperConfidenceBound_IsMeanPlusBetaLatentSd()
    {
        var (pool, observations) = NoisyPool();
        var settings = ProposerSettings.Default(2, 3) with { InitialCount = 2, Beta = 1.5 };

        var provenance = Assert.Single(ProposerFactory.Create(pool, Maximize, settings).Propose(new ProposalRequest(observations, [], 15, 1))).Provenance;

        Assert.Equal("ucb", provenance.Acquisition);
        Assert.Equal(provenance.PredictedMean!.Value + (1.5 * provenance.PredictedStandardDeviation!.Value), provenance.AcquisitionValue!.Value, 9);
    }
}
