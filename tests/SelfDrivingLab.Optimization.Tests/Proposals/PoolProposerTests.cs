using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

public sealed class PoolProposerTests
{
    private static readonly Objective Maximize = new("y", ObjectiveGoal.Maximize);

    /// <summary>A grid of side² candidates named "i-j" whose features are their grid coordinates.</summary>
    private static (SearchSpace Space, CandidatePool Pool) Grid(int side)
    {
        var names = new List<string>();
        var features = new List<IReadOnlyList<double>>();
        for (var i = 0; i < side; i++)
        {
            for (var j = 0; j < side; j++)
            {
                names.Add($"{i}-{j}");
                features.Add([i / (side - 1.0), j / (side - 1.0)]);
            }
        }

        var space = new SearchSpace([new CategoricalParameter("id", names)]);
        return (space, new CandidatePool([.. names.Select(Id)], features));
    }

    private static ParameterSet Id(string name) => new([new("id", name)]);

    /// <summary>A smooth function of the features with its single peak at (0.7, 0.3).</summary>
    private static double Truth(CandidatePool pool, ParameterSet parameters)
    {
        var f = pool.ScaledFeatures(pool.IndexOf(parameters));
        return -(Math.Pow(f[0] - 0.7, 2) + Math.Pow(f[1] - 0.3, 2));
    }

    private static ProposerSettings Settings(CandidatePool pool, SurrogateKind surrogate = SurrogateKind.GaussianProcess, int seed = 5, int initial = 4) =>
        new ProposerSettings(surrogate, AcquisitionKind.ExpectedImprovement, InitialDesignKind.Sobol, initial, seed, Restarts: 1) { Pool = pool };

    [Fact]
    public void Propose_OneAtATime_NeverRepeatsAndStopsWhenThePoolIsExhausted()
    {
        var (space, pool) = Grid(4);
        var proposer = ProposerFactory.Create(space, Maximize, Settings(pool));
        var observations = new List<Observation>();
        for (var k = 0; k < pool.Count; k++)
        {
            var proposal = Assert.Single(proposer.Propose(new ProposalRequest(observations, [], k, 1)));
            observations.Add(new Observation(proposal.Parameters, Truth(pool, proposal.Parameters)));
        }

        Assert.Equal(pool.Count, observations.Select(o => o.Parameters).Distinct().Count());
        Assert.Empty(proposer.Propose(new ProposalRequest(observations, [], pool.Count, 1)));
    }

    [Fact]
    public void Propose_WithPending_ProposesOnlyNewDistinctCandidatesFromTheModel()
    {
        var (space, pool) = Grid(6);
        var proposer = ProposerFactory.Create(space, Maximize, Settings(pool));
        var observations = pool.Candidates.Take(5).Select(c => new Observation(c, Truth(pool, c))).ToList();
        var pending = pool.Candidates.Skip(5).Take(3).ToList();

        var batch = proposer.Propose(new ProposalRequest(observations, pending, 8, 4));

        Assert.Equal(4, batch.Count);
        Assert.Equal(4, batch.Select(p => p.Parameters).Distinct().Count());
        Assert.All(batch, p => Assert.DoesNotContain(p.Parameters, pending));
        Assert.All(batch, p => Assert.DoesNotContain(p.Parameters, observations.Select(o => o.Parameters)));
        Assert.All(batch, p => Assert.Equal(ProposalProvenance.ModelStrategy, p.Provenance.Strategy));
        Assert.All(batch, p => Assert.True(p.Provenance.PredictedStandardDeviation >= 0));
    }

    [Fact]
    public void Propose_InitialDesign_IsSeededRandomCandidates()
    {
        var (space, pool) = Grid(6);

        var first = ProposerFactory.Create(space, Maximize, Settings(pool, seed: 1)).Propose(new ProposalRequest([], [], 0, 4));
        var again = ProposerFactory.Create(space, Maximize, Settings(pool, seed: 1)).Propose(new ProposalRequest([], [], 0, 4));
        var other = ProposerFactory.Create(space, Maximize, Settings(pool, seed: 2)).Propose(new ProposalRequest([], [], 0, 4));

        Assert.Equal(first.Select(p => p.Parameters), again.Select(p => p.Parameters));
        Assert.NotEqual(first.Select(p => p.Parameters), other.Select(p => p.Parameters));
        Assert.All(first, p => Assert.Equal(ProposalProvenance.InitialDesignStrategy, p.Provenance.Strategy));
    }

    [Fact]
    public void Propose_SameSeedAndHistory_IsDeterministic()
    {
        var (space, pool) = Grid(6);
        var observations = pool.Candidates.Where((_, i) => i % 7 == 0).Select(c => new Observation(c, Truth(pool, c))).ToList();
        var request = new ProposalRequest(observations, [pool.Candidates[1]], observations.Count + 1, 3);

        var first = ProposerFactory.Create(space, Maximize, Settings(pool)).Propose(request);
        var second = ProposerFactory.Create(space, Maximize, Settings(pool)).Propose(request);

        Assert.Equal(first.Select(p => p.Parameters), second.Select(p => p.Parameters));
        Assert.Equal(first.Select(p => p.Provenance.AcquisitionValue), second.Select(p => p.Provenance.AcquisitionValue));
    }

    [Fact]
    public void Propose_ObservationOutsideThePool_ThrowsNamingIt()
    {
        var (space, pool) = Grid(3);
        var (_, other) = Grid(4);
        var proposer = ProposerFactory.Create(space, Maximize, Settings(pool));
        var stranger = Id("3-3");

        var ex = Assert.Throws<ArgumentException>(() => proposer.Propose(new ProposalRequest([new Observation(stranger, 0)], [], 1, 1)));
        Assert.Contains("id=3-3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a candidate", ex.Message, StringComparison.Ordinal);
        Assert.True(other.IndexOf(stranger) >= 0);
    }

    [Fact]
    public void Propose_ThompsonSampling_ProposesDistinctUnmeasuredCandidates()
    {
        var (space, pool) = Grid(5);
        var settings = Settings(pool) with { Acquisition = AcquisitionKind.ThompsonSampling, CandidateCount = 10 };
        var observations = pool.Candidates.Take(6).Select(c => new Observation(c, Truth(pool, c))).ToList();

        var batch = ProposerFactory.Create(space, Maximize, settings).Propose(new ProposalRequest(observations, [], 6, 3));

        Assert.Equal(3, batch.Select(p => p.Parameters).Distinct().Count());
        Assert.All(batch, p => Assert.DoesNotContain(p.Parameters, observations.Select(o => o.Parameters)));
    }

    [Fact]
    public void Propose_GaussianProcessOnSmoothPool_ReachesTheTopCandidatesSoonerThanRandomPicking()
    {
        var (space, pool) = Grid(15);
        var threshold = pool.Candidates.Select(c => Truth(pool, c)).OrderDescending().ElementAt(2); // top 3 of 225 (~1 %)
        const int Budget = 30;
        var seeds = Enumerable.Range(1, 5).ToArray();

        int ExperimentsToTop(SurrogateKind surrogate, int seed)
        {
            var proposer = ProposerFactory.Create(space, Maximize, Settings(pool, surrogate, seed));
            var observations = new List<Observation>();
            while (observations.Count < Budget)
            {
                var proposal = proposer.Propose(new ProposalRequest(observations, [], observations.Count, 1))[0];
                var value = Truth(pool, proposal.Parameters);
                observations.Add(new Observation(proposal.Parameters, value));
                if (value >= threshold)
                {
                    return observations.Count;
                }
            }

            return Budget + 1;
        }

        var model = seeds.Sum(seed => ExperimentsToTop(SurrogateKind.GaussianProcess, seed));
        var random = seeds.Sum(seed => ExperimentsToTop(SurrogateKind.Random, seed));

        Assert.True(model < random, $"GP needed {model} experiments over {seeds.Length} seeds, random picking {random}.");
    }
}
