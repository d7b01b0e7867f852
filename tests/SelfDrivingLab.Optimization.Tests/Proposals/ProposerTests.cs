using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Designs;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

public sealed class ProposerTests
{
    private static readonly SearchSpace BraninSpace = new([new ContinuousParameter("x1", -5, 10), new ContinuousParameter("x2", 0, 15)]);
    private static readonly Objective MinimizeBranin = new("branin", ObjectiveGoal.Minimize);

    private static double Branin(ParameterSet p)
    {
        var (x1, x2) = (p.GetNumber("x1"), p.GetNumber("x2"));
        var b = 5.1 / (4 * Math.PI * Math.PI);
        var c = 5 / Math.PI;
        return Math.Pow(x2 - (b * x1 * x1) + (c * x1) - 6, 2) + (10 * (1 - (1 / (8 * Math.PI))) * Math.Cos(x1)) + 10;
    }

    private static ProposerSettings Settings(SurrogateKind surrogate = SurrogateKind.GaussianProcess, int initial = 6) =>
        new(surrogate, AcquisitionKind.ExpectedImprovement, InitialDesignKind.Sobol, initial, Seed: 17, CandidateCount: 512);

    private static List<Observation> Observe(IEnumerable<ParameterSet> sets) => sets.Select(s => new Observation(s, Branin(s))).ToList();

    [Fact]
    public void Propose_FirstExperiments_AreTheInitialDesignInOrder()
    {
        var proposer = ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings());
        var design = InitialDesign.Create(InitialDesignKind.Sobol, BraninSpace, 6, 17);

        var first = proposer.Propose(new ProposalRequest([], [], 0, 4));
        var next = proposer.Propose(new ProposalRequest([], first.Select(p => p.Parameters).ToList(), 4, 2));

        Assert.Equal(design, [.. first.Select(p => p.Parameters), .. next.Select(p => p.Parameters)]);
        Assert.All(first.Concat(next), p => Assert.Equal(ProposalProvenance.InitialDesignStrategy, p.Provenance.Strategy));
    }

    [Fact]
    public void Propose_SameSeedAndInputs_IsDeterministic()
    {
        var observations = Observe(InitialDesign.Create(InitialDesignKind.Sobol, BraninSpace, 6, 17));
        var request = new ProposalRequest(observations, [], 6, 3);

        var first = ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings()).Propose(request);
        var second = ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings()).Propose(request);

        Assert.Equal(first.Select(p => p.Parameters), second.Select(p => p.Parameters));
        Assert.Equal(first.Select(p => p.Provenance.AcquisitionValue), second.Select(p => p.Provenance.AcquisitionValue));
    }

    [Fact]
    public void Propose_ModelBatch_GivesDistinctNewPointsWithProvenance()
    {
        var observations = Observe(InitialDesign.Create(InitialDesignKind.Sobol, BraninSpace, 6, 17));
        var pending = InitialDesign.Create(InitialDesignKind.Random, BraninSpace, 2, 99);
        var proposer = ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings());

        var batch = proposer.Propose(new ProposalRequest(observations, pending, 8, 4));

        Assert.Equal(4, batch.Count);
        Assert.Equal(4, batch.Select(p => p.Parameters).Distinct().Count());
        Assert.DoesNotContain(batch, p => observations.Any(o => o.Parameters.Equals(p.Parameters)) || pending.Contains(p.Parameters));
        // Kriging believer: the fantasies push later picks away from earlier ones.
        var points = batch.Select(p => (p.Parameters.GetNumber("x1"), p.Parameters.GetNumber("x2"))).ToArray();
        Assert.All(points.SelectMany((a, i) => points.Skip(i + 1).Select(b => Math.Sqrt(Math.Pow(a.Item1 - b.Item1, 2) + Math.Pow(a.Item2 - b.Item2, 2)))), d => Assert.True(d > 1e-3));
        Assert.All(batch, p =>
        {
            Assert.Equal(ProposalProvenance.ModelStrategy, p.Provenance.Strategy);
            Assert.Equal("gp-matern52", p.Provenance.Surrogate);
            Assert.Equal("ei", p.Provenance.Acquisition);
            Assert.Equal(6, p.Provenance.DataCount);
            Assert.Contains("length_scale_0", p.Provenance.Hyperparameters.Keys);
            Assert.True(double.IsFinite(p.Provenance.PredictedMean!.Value) && p.Provenance.PredictedStandardDeviation >= 0);
        });
    }

    [Fact]
    public void Propose_SmallDiscreteSpace_NeverRepeatsObservedOrPendingAndStopsWhenExhausted()
    {
        var space = new SearchSpace([new IntegerParameter("n", 0, 3), new CategoricalParameter("k", ["a", "b"])]);
        var all = (from n in Enumerable.Range(0, 4) from k in new[] { "a", "b" } select new ParameterSet([new("n", (double)n), new("k", k)])).ToList();
        var observations = all.Take(5).Select((p, i) => new Observation(p, i * 1.5)).ToList();
        var pending = all.Skip(5).Take(1).ToList();
        var proposer = ProposerFactory.Create(space, new Objective("y", ObjectiveGoal.Maximize), Settings(initial: 2));

        var proposals = proposer.Propose(new ProposalRequest(observations, pending, 6, 3));

        Assert.Equal(2, proposals.Count);
        Assert.Equal(all.Skip(6).ToHashSet(), proposals.Select(p => p.Parameters).ToHashSet());
    }

    [Fact]
    public void Propose_TooFewObservations_FallsBackToRandom()
    {
        var proposer = ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings(initial: 1));
        var observations = Observe(InitialDesign.Create(InitialDesignKind.Sobol, BraninSpace, 1, 17));

        var proposal = Assert.Single(proposer.Propose(new ProposalRequest(observations, [], 1, 1)));

        Assert.Equal(ProposalProvenance.RandomStrategy, proposal.Provenance.Strategy);
    }

    [Fact]
    public void Propose_GaussianProcessExpectedImprovementOnBranin_BeatsRandomSearchWithSameBudget()
    {
        const int budget = 25;
        var settings = Settings(initial: 8);
        var proposer = ProposerFactory.Create(BraninSpace, MinimizeBranin, settings);
        var observations = new List<Observation>();
        while (observations.Count < budget)
        {
            var proposal = Assert.Single(proposer.Propose(new ProposalRequest(observations, [], observations.Count, 1)));
            observations.Add(new Observation(proposal.Parameters, Branin(proposal.Parameters)));
        }

        var random = ProposerFactory.Create(BraninSpace, MinimizeBranin, settings with { Surrogate = SurrogateKind.Random, InitialDesign = InitialDesignKind.Random, InitialCount = 1 });
        var randomObservations = new List<Observation>();
        while (randomObservations.Count < budget)
        {
            var proposal = Assert.Single(random.Propose(new ProposalRequest(randomObservations, [], randomObservations.Count, 1)));
            randomObservations.Add(new Observation(proposal.Parameters, Branin(proposal.Parameters)));
        }

        var modelBest = observations.Min(o => o.Value);
        var randomBest = randomObservations.Min(o => o.Value);
        // Branin's minimum is 0.397887; EI should get close, random search with 25 points typically does not.
        Assert.True(modelBest < 0.6, $"GP-EI best {modelBest}, random best {randomBest}");
        Assert.True(modelBest < randomBest - 0.5, $"GP-EI best {modelBest}, random best {randomBest}");
    }

    [Fact]
    public void Constructor_InvalidSettings_ThrowNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings() with { InitialCount = -1 }));
        Assert.Contains("InitialCount", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ProposerFactory.Create(BraninSpace, new Objective("y", ObjectiveGoal.Target), Settings()));
    }

    [Fact]
    public void Propose_ObservationOutsideSpace_ThrowsNamingTheParameter()
    {
        var proposer = ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings());
        var bad = new ParameterSet([new("x1", 50.0), new("x2", 1.0)]);

        var error = Assert.Throws<ArgumentException>(() => proposer.Propose(new ProposalRequest([new Observation(bad, 1)], [], 0, 1)));

        Assert.Contains("x1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_ThompsonSampling_IsDeterministicDistinctAndRecordsItsSample()
    {
        var observations = Observe(InitialDesign.Create(InitialDesignKind.Sobol, BraninSpace, 8, 17));
        var settings = Settings() with { Acquisition = AcquisitionKind.ThompsonSampling };
        var request = new ProposalRequest(observations, [], 8, 3);

        var first = ProposerFactory.Create(BraninSpace, MinimizeBranin, settings).Propose(request);
        var second = ProposerFactory.Create(BraninSpace, MinimizeBranin, settings).Propose(request);

        Assert.Equal(3, first.Select(p => p.Parameters).Distinct().Count());
        Assert.Equal(first.Select(p => p.Parameters), second.Select(p => p.Parameters));
        Assert.All(first, p => Assert.Equal("thompson", p.Provenance.Acquisition));
        Assert.All(first, p => Assert.True(p.Provenance.PredictedStandardDeviation >= 0));
    }

    [Fact]
    public void Propose_SameRequestAfterOtherCalls_GivesTheSameProposal()
    {
        var observations = Observe(InitialDesign.Create(InitialDesignKind.Sobol, BraninSpace, 10, 17));
        var request = new ProposalRequest(observations, [], 10, 1);
        var used = ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings() with { Restarts = 2 });
        _ = used.Propose(new ProposalRequest(observations.Take(6).ToList(), [], 6, 2));

        var fresh = Assert.Single(ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings() with { Restarts = 2 }).Propose(request));
        var again = Assert.Single(used.Propose(request));

        // No state carries over between calls (a resumed campaign proposes what an uninterrupted one would).
        Assert.Equal(fresh.Parameters, again.Parameters);
        Assert.Equal(fresh.Provenance.Hyperparameters["log_marginal_likelihood"], again.Provenance.Hyperparameters["log_marginal_likelihood"]);
    }

    [Fact]
    public void Propose_FailuresCoverRightPartOfSpace_ProposalsAvoidIt()
    {
        // Every experiment with x1 > 5 fails; Branin's minimum near x1 = 9.42 lies there, so an unweighted EI goes there.
        var design = InitialDesign.Create(InitialDesignKind.Sobol, BraninSpace, 24, 17);
        var observations = Observe(design.Where(p => p.GetNumber("x1") <= 5));
        var failed = design.Where(p => p.GetNumber("x1") > 5).Select(p => new FailedObservation(p, "no peak")).ToList();
        var proposer = ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings(initial: 4));

        var batch = proposer.Propose(new ProposalRequest(observations, [], 24, 3) { Failed = failed });

        Assert.Equal(3, batch.Count);
        Assert.All(batch, p => Assert.True(p.Parameters.GetNumber("x1") < 6, $"proposed x1 = {p.Parameters.GetNumber("x1")}"));
        Assert.All(batch, p => Assert.DoesNotContain(failed, f => f.Parameters.Equals(p.Parameters)));
    }

    [Fact]
    public void Propose_RandomForestSurrogate_GivesDistinctModelProposalsWithProvenance()
    {
        var observations = Observe(InitialDesign.Create(InitialDesignKind.Sobol, BraninSpace, 12, 17));
        var proposer = ProposerFactory.Create(BraninSpace, MinimizeBranin, Settings(SurrogateKind.RandomForest));

        var batch = proposer.Propose(new ProposalRequest(observations, [], 12, 2));

        Assert.Equal(2, batch.Select(p => p.Parameters).Distinct().Count());
        Assert.All(batch, p => Assert.Equal("random-forest", p.Provenance.Surrogate));
        Assert.All(batch, p => Assert.True(p.Provenance.PredictedStandardDeviation >= 0));
    }
}
