using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

public sealed class PoolPriorMeanProposerTests
{
    private const int Count = 60;

    /// <summary>Candidates whose one feature is seeded noise, unrelated to their values 0, 1, …, Count − 1 (shuffled).</summary>
    private static (CandidatePool Pool, double[] Values) NoisePool()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, Count).Select(i => (double)i).ToArray();
        random.Shuffle(values);
        var features = Enumerable.Range(0, Count).Select(_ => (IReadOnlyList<double>)[random.NextDouble()]).ToList();
        return (new CandidatePool([.. Enumerable.Range(0, Count).Select(Candidate)], features), values);
    }

    private static ParameterSet Candidate(int i) => new([new("candidate", ParameterValue.FromNumber(i))]);

    private static ProposerSettings Settings(PoolPriorMean? prior) =>
        new ProposerSettings(SurrogateKind.GaussianProcess, AcquisitionKind.UpperConfidenceBound, InitialDesignKind.Sobol, 2, 3, Restarts: 1) { PriorMean = prior };

    private static int FirstModelPick(CandidatePool pool, double[] values, ProposerSettings settings, Objective objective)
    {
        var proposer = ProposerFactory.Create(pool, objective, settings);
        var observations = new List<Observation>();
        for (var k = 0; k < 2; k++)
        {
            var initial = Assert.Single(proposer.Propose(new ProposalRequest(observations, [], k, 1)));
            observations.Add(new Observation(initial.Parameters, values[pool.IndexOf(initial.Parameters)]));
        }

        var pick = Assert.Single(proposer.Propose(new ProposalRequest(observations, [], 2, 1)));
        Assert.Equal(ProposalProvenance.ModelStrategy, pick.Provenance.Strategy);
        return pool.IndexOf(pick.Parameters);
    }

    [Fact]
    public void Propose_WithTheTruthAsPriorMean_PicksTheBestCandidateFirst()
    {
        var (pool, values) = NoisePool();
        var best = Array.IndexOf(values, values.Max());

        var pick = FirstModelPick(pool, values, Settings(new PoolPriorMean(values)), new Objective("y", ObjectiveGoal.Maximize));

        Assert.Equal(best, pick);
    }

    [Fact]
    public void Propose_WithAShiftedTruth_PicksTheCandidateClosestToTheTarget()
    {
        var (pool, values) = NoisePool();
        var target = 20.3;
        var closest = Enumerable.Range(0, Count).OrderBy(i => Math.Abs(values[i] - target)).First();
        var prior = new PoolPriorMean([.. values.Select(v => v - 7)]);

        var pick = FirstModelPick(pool, values, Settings(prior), new Objective("y", ObjectiveGoal.Target, target));

        Assert.Equal(values[closest], values[pick], 0);
    }

    [Fact]
    public void Propose_RecordsThePriorMeanScaleInTheProvenance()
    {
        var (pool, values) = NoisePool();
        var proposer = ProposerFactory.Create(pool, new Objective("y", ObjectiveGoal.Maximize), Settings(new PoolPriorMean(values)));
        Observation[] observations = [new(Candidate(0), values[0]), new(Candidate(1), values[1])];

        var pick = Assert.Single(proposer.Propose(new ProposalRequest(observations, [], 2, 1)));

        Assert.Equal(1, pick.Provenance.Hyperparameters["prior_mean_scale"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Propose_PriorUncertainty_IsAddedToThePredictiveVarianceOnlyWhenAsked(bool add)
    {
        var (pool, values) = NoisePool();
        var prior = new PoolPriorMean(values, [.. values.Select(_ => 10.0)]) { AddUncertainty = add };
        var proposer = ProposerFactory.Create(pool, new Objective("y", ObjectiveGoal.Maximize), Settings(prior));
        Observation[] observations = [new(Candidate(0), values[0]), new(Candidate(1), values[1])];

        var pick = Assert.Single(proposer.Propose(new ProposalRequest(observations, [], 2, 1)));

        // Both observations equal their prior mean, so the residual model is nearly certain: σ is the prior's 10 or ~0.
        Assert.Equal(add, pick.Provenance.PredictedStandardDeviation >= 10);
    }

    [Fact]
    public void PredictAndRecommend_WithAShiftedTruthAsPriorMean_AddTheOffsetBack()
    {
        var (pool, values) = NoisePool();
        var proposer = ProposerFactory.Create(pool, new Objective("y", ObjectiveGoal.Maximize), Settings(new PoolPriorMean([.. values.Select(v => v - 7)])));
        Observation[] observations = [new(Candidate(0), values[0]), new(Candidate(1), values[1]), new(Candidate(2), values[2])];

        var prediction = Assert.Single(proposer.Predict(observations, [Candidate(9)]));
        var recommended = proposer.Recommend(observations);

        // The residual is 7 everywhere, so the prediction is the candidate's value (a GP without the prior could not know it).
        Assert.Equal(values[9], prediction.Mean, 3);
        var best = Enumerable.Range(0, 3).MaxBy(i => values[i]);
        Assert.Equal(Candidate(best), recommended!.Parameters);
    }

    [Fact]
    public void Create_PriorMeanOfAnotherLength_IsRefusedNamingTheCounts()
    {
        var (pool, _) = NoisePool();

        var error = Assert.Throws<ArgumentException>(() => ProposerFactory.Create(pool, new Objective("y", ObjectiveGoal.Maximize), Settings(new PoolPriorMean([1.0, 2.0]))));

        Assert.Contains($"2 means for a pool of {Count} candidates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LearnedScale_MatchesTheShrunkLeastSquaresFormula()
    {
        // m = 0, 1, 2; y = 1, 3, 8: dm = -1, 0, 1; dy = -3, -1, 4; Σdm·dy = 7, Σdm² = 2, var(y) = 26/3.
        var prior = new PoolPriorMean([0.0, 1.0, 2.0]) { Scaling = PriorMeanScaling.Learned };

        var scale = PriorMeanOffset.LearnedScale(prior, [(0, 1.0), (1, 3.0), (2, 8.0)]);

        Assert.Equal((7 + (26.0 / 3)) / (2 + (26.0 / 3)), scale, 12);
    }

    [Fact]
    public void LearnedScale_AntiCorrelatedModel_IsSwitchedOff()
    {
        // y = -10·m over 20 points: Σdm·dy = -10·S and var(y) = 100·S/20, so (−10·S + 5·S) / (S + 5·S) < 0.
        var prior = new PoolPriorMean([.. Enumerable.Range(0, 20).Select(i => (double)i)]) { Scaling = PriorMeanScaling.Learned };

        var scale = PriorMeanOffset.LearnedScale(prior, [.. Enumerable.Range(0, 20).Select(i => (i, -10.0 * i))]);

        Assert.Equal(0, scale);
    }
}
