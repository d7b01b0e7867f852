using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators.Tests.GroundTruths;

public sealed class AnalyticFunctionsTests
{
    private static readonly double[] Hartmann3Minimizer = [0.114614, 0.555649, 0.852547];
    private static readonly double[] Hartmann6Minimizer = [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573];

    [Theory]
    [InlineData(-Math.PI, 12.275)]
    [InlineData(Math.PI, 2.275)]
    [InlineData(9.42478, 2.475)]
    public void Branin_AtEachKnownMinimizer_Is0Point397887(double x1, double x2) =>
        Assert.Equal(0.397887, AnalyticFunctions.Evaluate("branin", [x1, x2]), 5);

    [Fact]
    public void Branin_AtOrigin_MatchesClosedForm()
    {
        // (0 - 0 + 0 - 6)² + 10(1 - 1/(8π))cos 0 + 10
        var expected = 36 + (10 * (1 - (1 / (8 * Math.PI)))) + 10;

        Assert.Equal(expected, AnalyticFunctions.Evaluate("Branin", [0, 0]), 12);
    }

    [Fact]
    public void Hartmann3_AtKnownMinimizer_IsMinus3Point86278() =>
        Assert.Equal(-3.86278, AnalyticFunctions.Evaluate("hartmann3", Hartmann3Minimizer), 4);

    [Fact]
    public void Hartmann6_AtKnownMinimizer_IsMinus3Point32237() =>
        Assert.Equal(-3.32237, AnalyticFunctions.Evaluate("hartmann6", Hartmann6Minimizer), 4);

    [Theory]
    [InlineData("branin", -5.0, 10.0, 0.397887)]
    [InlineData("hartmann3", 0.0, 1.0, -3.86278)]
    [InlineData("hartmann6", 0.0, 1.0, -3.32237)]
    [InlineData("ackley", -32.768, 32.768, 0.0)]
    [InlineData("sphere", -5.0, 5.0, 0.0)]
    public void Evaluate_RandomPointsInDomain_NeverBelowKnownMinimum(string function, double lower, double upper, double minimum)
    {
        var random = new Random(3);
        var dimension = AnalyticFunctions.Dimension(function) ?? 4;
        for (var i = 0; i < 2000; i++)
        {
            var x = Enumerable.Range(0, dimension).Select(_ => lower + ((upper - lower) * random.NextDouble())).ToArray();
            if (function == "branin")
            {
                x[1] = 15 * random.NextDouble();
            }

            Assert.True(AnalyticFunctions.Evaluate(function, x) >= minimum - 1e-5, $"{function} at [{string.Join(", ", x)}] is below {minimum}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void AckleyAndSphere_AtOrigin_AreZeroInAnyDimension(int dimension)
    {
        var origin = new double[dimension];

        Assert.Equal(0, AnalyticFunctions.Evaluate("ackley", origin), 12);
        Assert.Equal(0, AnalyticFunctions.Evaluate("sphere", origin), 12);
    }

    [Fact]
    public void Sphere_AtPoint_IsSumOfSquares() =>
        Assert.Equal(1 + 4 + 9, AnalyticFunctions.Evaluate("sphere", [1, -2, 3]));

    [Fact]
    public void Evaluate_WrongDimension_NamesFunctionAndDimension()
    {
        var error = Assert.Throws<ArgumentException>(() => AnalyticFunctions.Evaluate("hartmann6", [0.5, 0.5]));

        Assert.Contains("'hartmann6' takes 6 input(s), not 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnknownFunction_ListsKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => AnalyticFunctions.Evaluate("rosenbrock", [1, 1]));

        Assert.Contains("branin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyticGroundTruth_ReadsInputsByNameInOrder()
    {
        var truth = new AnalyticGroundTruth(new AnalyticGroundTruthDefinition("branin", ["b", "a"], "loss", 0));

        var value = truth.Measure(new ParameterSet([new("a", 2.275), new("b", Math.PI)]), new Random(1));

        Assert.Equal(0.397887, value, 5);
        Assert.Equal(value, truth.TrueValue(new ParameterSet([new("a", 2.275), new("b", Math.PI)])));
    }

    [Fact]
    public void AnalyticGroundTruth_InputCountNotMatchingFunction_Throws() =>
        Assert.Throws<ArgumentException>(() => new AnalyticGroundTruth(new AnalyticGroundTruthDefinition("hartmann3", ["x", "y"], "y", 0)));
}
