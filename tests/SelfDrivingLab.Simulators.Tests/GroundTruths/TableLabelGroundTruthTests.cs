using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators.Tests.GroundTruths;

public sealed class TableLabelGroundTruthTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sdl-labels-{Guid.NewGuid():N}.csv");

    public TableLabelGroundTruthTests() =>
        File.WriteAllText(_path, "x,y,phase\n0,0,alpha\n0,0,beta\n0,0,alpha\n10,100,gamma\n");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void TrueLabel_IsTheMajorityOfTheNearestCandidatesReplicates()
    {
        var truth = new TableLabelGroundTruth(Definition(replicates: true));

        // (5, 50) scaled by the ranges (10, 100) is 0.5 from both candidates: the first in file order wins.
        Assert.Equal("alpha", truth.TrueLabel(XY(1, 1)));
        Assert.Equal("gamma", truth.TrueLabel(XY(9, 90)));
        Assert.Equal("alpha", truth.TrueLabel(XY(5, 50)));
        Assert.Equal(["alpha", "beta", "gamma"], truth.Labels);
    }

    [Fact]
    public void Classify_WithReplicates_DrawsReplicateLabelsAtTheirFrequency()
    {
        var truth = new TableLabelGroundTruth(Definition(replicates: true));
        var random = new Random(4);

        var alphas = Enumerable.Range(0, 3000).Count(_ => truth.Classify(XY(0, 0), random) == "alpha");

        // Binomial(3000, 2/3): mean 2000, sd 25.8; ±4.5 sd.
        Assert.InRange(alphas, 1884, 2116);
    }

    [Fact]
    public void Classify_WithoutReplicates_AlwaysTheMajority()
    {
        var truth = new TableLabelGroundTruth(Definition(replicates: false));

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal("alpha", truth.Classify(XY(0.1, 0.1), new Random(1))));
    }

    [Fact]
    public void Factory_NumericTableWithTextOutputFlag_MustUseLabelTruth()
    {
        Assert.IsType<TableLabelGroundTruth>(GroundTruthFactory.CreateLabel(Definition(replicates: true)));
        Assert.Throws<ArgumentException>(() => GroundTruthFactory.Create(Definition(replicates: true)));
        Assert.Throws<ArgumentException>(() => GroundTruthFactory.CreateLabel(new AnalyticGroundTruthDefinition("sphere", ["x"], "y", 0)));
    }

    private TableGroundTruthDefinition Definition(bool replicates) => new(_path, ["x", "y"], "phase", 0, replicates) { TextOutput = true };

    private static ParameterSet XY(double x, double y) => new([new("x", x), new("y", y)]);
}
