using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

public sealed class ProposerPriorTests
{
    private static readonly SearchSpace Space = new([new ContinuousParameter("x1", -5, 10), new ContinuousParameter("x2", 0, 15)]);
    private static readonly Objective Minimize = new("branin", ObjectiveGoal.Minimize);

    private static double Branin(double x1, double x2) =>
        Math.Pow(x2 - (5.1 / (4 * Math.PI * Math.PI) * x1 * x1) + (5 / Math.PI * x1) - 6, 2) + (10 * (1 - (1 / (8 * Math.PI))) * Math.Cos(x1)) + 10;

    private static Observation At(double x1, double x2) => new(new ParameterSet([new("x1", x1), new("x2", x2)]), Branin(x1, x2));

    [Fact]
    public void WithPrior_ShrinksTheInitialDesignToNoFewerThanZero()
    {
        var settings = ProposerSettings.Default(2, 1);

        Assert.Equal(4, settings.InitialCount);
        Assert.Equal(1, settings.WithPrior(3).InitialCount);
        Assert.Equal(0, settings.WithPrior(9).InitialCount);
        Assert.Same(settings, settings.WithPrior(0));
    }

    [Fact]
    public void Propose_PriorNearTheOptimum_ProposesNearItAtOnce()
    {
        // f = (x1 - 0.3)² + (x2 - 0.7)² on the unit square. Earlier measurements: a 3 × 3 grid and three near the minimum.
        var square = new SearchSpace([new ContinuousParameter("x1", 0, 1), new ContinuousParameter("x2", 0, 1)]);
        static Observation Bowl(double x1, double x2) => new(new ParameterSet([new("x1", x1), new("x2", x2)]), Math.Pow(x1 - 0.3, 2) + Math.Pow(x2 - 0.7, 2));
        Observation[] prior =
        [
            .. from a in new[] { 0.0, 0.5, 1.0 } from b in new[] { 0.0, 0.5, 1.0 } select Bowl(a, b),
            Bowl(0.25, 0.6), Bowl(0.4, 0.75), Bowl(0.2, 0.8),
        ];
        var objective = new Objective("f", ObjectiveGoal.Minimize);
        var proposer = ProposerFactory.Create(square, objective, ProposerSettings.Default(2, 3).WithPrior(prior.Length));

        var first = Assert.Single(proposer.Propose(new ProposalRequest(prior, [], 0, 1)));
        var cold = Assert.Single(ProposerFactory.Create(square, objective, ProposerSettings.Default(2, 3)).Propose(new ProposalRequest([], [], 0, 1)));

        Assert.Equal(ProposalProvenance.ModelStrategy, first.Provenance.Strategy);
        var distance = Math.Sqrt(Math.Pow(first.Parameters.GetNumber("x1") - 0.3, 2) + Math.Pow(first.Parameters.GetNumber("x2") - 0.7, 2));
        Assert.True(distance < 0.1, $"first proposal {first.Parameters} is {distance:F3} from the minimum; without prior data {cold.Parameters}");
        Assert.Equal(ProposalProvenance.InitialDesignStrategy, cold.Provenance.Strategy);
    }

    [Fact]
    public void Propose_OnePriorRow_RunsTheRestOfTheInitialDesignFirst()
    {
        var settings = ProposerSettings.Default(2, 3).WithPrior(1);
        var proposer = ProposerFactory.Create(Space, Minimize, settings);

        var proposals = proposer.Propose(new ProposalRequest([At(3, 2)], [], 0, 4));

        // Initial design of 4 less the one row; the fourth is random, as one observation is too few for a model.
        Assert.Equal(3, proposals.Count(p => p.Provenance.Strategy == ProposalProvenance.InitialDesignStrategy));
        Assert.Equal(ProposalProvenance.RandomStrategy, proposals[3].Provenance.Strategy);
        var next = Assert.Single(proposer.Propose(new ProposalRequest([At(3, 2), At(0, 0)], [], 3, 1)));
        Assert.Equal(ProposalProvenance.ModelStrategy, next.Provenance.Strategy);
    }
}
