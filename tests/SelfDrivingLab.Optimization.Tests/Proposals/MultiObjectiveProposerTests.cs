using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Designs;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

public sealed class MultiObjectiveProposerTests
{
    private static readonly SearchSpace Space = new([new ContinuousParameter("x", 0, 1), new ContinuousParameter("y", 0, 1)]);

    // Minimize f1 = x and f2 = 1 - √x + y: the Pareto set is y = 0 (ZDT1-like front f2 = 1 - √f1).
    private static readonly Objective[] Objectives = [new("f1", ObjectiveGoal.Minimize), new("f2", ObjectiveGoal.Minimize)];

    private static MultiObjectiveObservation Measure(ParameterSet p) =>
        new(p, [p.GetNumber("x"), 1 - Math.Sqrt(p.GetNumber("x")) + p.GetNumber("y")]);

    private static ProposerSettings Settings => new(SurrogateKind.GaussianProcess, AcquisitionKind.ExpectedImprovement, InitialDesignKind.Sobol, 8, Seed: 5, Restarts: 1, CandidateCount: 256);

    [Fact]
    public void Propose_AfterInitialDesign_IsDeterministicAndMovesTowardsTheFront()
    {
        var observations = InitialDesign.Create(InitialDesignKind.Sobol, Space, 8, 5).Select(Measure).ToList();
        var proposer = new MultiObjectiveProposer(Space, Objectives, Settings);
        var again = new MultiObjectiveProposer(Space, Objectives, Settings);
        for (var k = 8; k < 20; k++)
        {
            var proposal = Assert.Single(proposer.Propose(observations, [], k, 1));
            Assert.Equal(proposal.Parameters, Assert.Single(again.Propose(observations, [], k, 1)).Parameters);
            observations.Add(Measure(proposal.Parameters));
        }

        var model = observations.Skip(8).Select(o => o.Parameters.GetNumber("y")).Average();
        var design = observations.Take(8).Select(o => o.Parameters.GetNumber("y")).Average();
        Assert.True(model < design / 2, $"mean y of model proposals {model}, of the design {design}");
        Assert.NotEqual(proposer.WeightsFor(8), proposer.WeightsFor(9));
    }

    [Fact]
    public void ParetoFront_KnownMeasurements_ReturnsNonDominatedIndices()
    {
        var proposer = new MultiObjectiveProposer(Space, Objectives, Settings);
        ParameterSet P(double x, double y) => new([new("x", x), new("y", y)]);
        MultiObjectiveObservation[] observations = [Measure(P(0.25, 0)), Measure(P(0.25, 0.5)), Measure(P(1, 0)), Measure(P(0, 0.1))];

        Assert.Equal([0, 2, 3], proposer.ParetoFront(observations));
    }
}
