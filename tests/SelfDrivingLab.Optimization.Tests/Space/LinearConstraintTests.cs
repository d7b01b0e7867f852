using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Tests.Space;

public sealed class LinearConstraintTests
{
    // x + y <= 1 cuts the unit square in half; the unconstrained optimum (1, 1) is infeasible.
    private static readonly SearchSpace Triangle = new(
        [new ContinuousParameter("x", 0, 1), new ContinuousParameter("y", 0, 1)],
        null,
        [new LinearConstraint(new Dictionary<string, double> { ["x"] = 1, ["y"] = 1 }, 1)]);

    [Theory]
    [InlineData(SurrogateKind.GaussianProcess, AcquisitionKind.ExpectedImprovement)]
    [InlineData(SurrogateKind.GaussianProcess, AcquisitionKind.ThompsonSampling)]
    [InlineData(SurrogateKind.Random, AcquisitionKind.ExpectedImprovement)]
    public void Propose_ObjectiveBestOutsideTheConstraint_NeverProposesAnInfeasiblePoint(SurrogateKind surrogate, AcquisitionKind acquisition)
    {
        var proposer = ProposerFactory.Create(Triangle, new Objective("f", ObjectiveGoal.Maximize), new ProposerSettings(surrogate, acquisition, InitialDesignKind.Sobol, 6, 3, Restarts: 1, CandidateCount: 256));
        var observations = new List<Observation>();
        for (var k = 0; k < 16; k++)
        {
            var p = Assert.Single(proposer.Propose(new ProposalRequest(observations.ToArray(), [], k, 1)));
            var (x, y) = (p.Parameters.GetNumber("x"), p.Parameters.GetNumber("y"));
            Assert.True(x + y <= 1 + 1e-9, $"proposal {k} ({x}, {y}) violates x + y <= 1");
            observations.Add(new Observation(p.Parameters, x + (2 * y)));
        }

        // The model should push towards the best feasible corner (0, 1), where f = 2.
        if (surrogate == SurrogateKind.GaussianProcess && acquisition == AcquisitionKind.ExpectedImprovement)
        {
            Assert.True(observations.Max(o => o.Value) > 1.8, $"best {observations.Max(o => o.Value)}");
        }
    }

    [Fact]
    public void Validate_PointOutsideTheConstraint_ThrowsNamingIt()
    {
        var encoder = new SpaceEncoder(Triangle);

        var ex = Assert.Throws<ArgumentException>(() => encoder.Validate(new ParameterSet([new("x", 0.8), new("y", 0.5)])));

        Assert.Contains("1*x + 1*y <= 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("z", "not a parameter")]
    [InlineData("c", "not a number")]
    public void Constructor_ConstraintOnABadParameter_Throws(string name, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => new SearchSpace(
            [new ContinuousParameter("x", 0, 1), new CategoricalParameter("c", ["a", "b"])],
            null,
            [new LinearConstraint(new Dictionary<string, double> { [name] = 1 }, 1)]));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_InfeasibleConstraints_ThrowsAClearError()
    {
        var empty = new SearchSpace([new ContinuousParameter("x", 0, 1)], null, [new LinearConstraint(new Dictionary<string, double> { ["x"] = 1 }, -1)]);

        var ex = Assert.Throws<InfeasibleSpaceException>(() => new SpaceEncoder(empty).Sample(new Random(1)));

        Assert.Contains("feasible region", ex.Message, StringComparison.Ordinal);
    }
}
