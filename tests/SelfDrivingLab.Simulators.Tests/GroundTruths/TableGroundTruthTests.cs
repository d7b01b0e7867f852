using System.Globalization;
using System.Text;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators.Tests.GroundTruths;

public sealed class TableGroundTruthTests : IDisposable
{
    // The project ships a copy of the Liang et al. crossed-barrel table next to the quickstart.
    private static readonly string CrossedBarrel = RepositoryPaths.Workflow(Path.Combine("data", "crossed_barrel.csv"));

    // x spans 0-1000 and y spans 0-1, so only range scaling makes (100, 0) nearest to (0, 0).
    private const string SmallCsv =
        "\"Temp (°C)\",\"Ratio, %\",Yield (%)\r\n" +
        "0,0,10\r\n" +
        "100,1,20\r\n" +
        "1000,0,30\r\n" +
        "0,0,14\r\n" +
        "\r\n" +
        "100,1,26\r\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sdl-sim-tests", Guid.NewGuid().ToString("N"));

    public TableGroundTruthTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Constructor_BomQuotedHeadersAndReplicates_GroupsDistinctInputsWithMeans()
    {
        var truth = Small();

        Assert.Equal(3, truth.Candidates.Count);
        Assert.Equal([12.0, 23.0, 30.0], truth.Candidates.Select(c => c.Mean));
        Assert.Equal([10.0, 14.0], truth.Candidates[0].Replicates);
        Assert.Equal(100.0, truth.Candidates[1].Inputs.GetNumber("Temp (°C)"));
    }

    [Fact]
    public void TrueValue_NearestByRangeScaledDistance_ReturnsThatCandidatesMean()
    {
        var truth = Small();

        Assert.Equal(12.0, truth.TrueValue(Point(100, 0)));
        Assert.Equal(23.0, truth.TrueValue(Point(100, 0.9)));
        Assert.Equal(30.0, truth.TrueValue(Point(900, 0.1)));
    }

    [Fact]
    public void Measure_WithReplicates_AnswersEachReplicateAndNothingElse()
    {
        var truth = Small(replicates: true);
        var random = new Random(7);

        var answers = Enumerable.Range(0, 200).Select(_ => truth.Measure(Point(0, 0), random)).ToHashSet();

        Assert.Equal([10.0, 14.0], answers.Order());
    }

    [Fact]
    public void Measure_WithoutReplicatesAndNoise_AnswersTheMean()
    {
        var truth = Small();

        Assert.Equal(23.0, truth.Measure(Point(100, 1), new Random(1)));
    }

    [Fact]
    public void Measure_WithNoise_HasTheMeanAndStandardDeviationAsked()
    {
        var truth = Small(noise: 0.5);
        var random = new Random(11);

        var values = Enumerable.Range(0, 4000).Select(_ => truth.Measure(Point(1000, 0), random)).ToArray();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));

        Assert.InRange(mean, 30 - 0.05, 30 + 0.05);
        Assert.InRange(sd, 0.45, 0.55);
    }

    [Fact]
    public void PercentileOf_CandidateMeans_RanksAmongAllCandidates()
    {
        var truth = Small();

        Assert.Equal(100.0, truth.PercentileOf(30, higherIsBetter: true));
        Assert.Equal(100.0 / 3, truth.PercentileOf(12, higherIsBetter: true), 12);
        Assert.Equal(100.0, truth.PercentileOf(12, higherIsBetter: false));
        Assert.Equal(200.0 / 3, truth.PercentileOf(25, higherIsBetter: true), 12);
    }

    [Fact]
    public void Constructor_MissingColumn_NamesItAndTheColumnsPresent()
    {
        var path = Write(SmallCsv);

        var error = Assert.Throws<ArgumentException>(() => new TableGroundTruth(new TableGroundTruthDefinition(path, ["Temp (°C)", "Pressure"], "Yield (%)", 0, false)));

        Assert.Contains("'Pressure'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Ratio, %'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonNumericCell_NamesLineAndColumn()
    {
        var path = Write("a,b\n1,2\n3,oops\n");

        var error = Assert.Throws<InvalidDataException>(() => new TableGroundTruth(new TableGroundTruthDefinition(path, ["a"], "b", 0, false)));

        Assert.Contains("line 3, column 'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CrossedBarrelDataset_Has600CandidatesOfThreeReplicates()
    {
        var truth = new TableGroundTruth(new TableGroundTruthDefinition(CrossedBarrel, ["n", "theta", "r", "t"], "toughness", 0, true));

        Assert.Equal(600, truth.Candidates.Count);
        Assert.Equal(1800, truth.Candidates.Sum(c => c.Replicates.Count));

        // Independent check of one candidate's mean straight from the file's lines.
        var rows = File.ReadAllLines(CrossedBarrel).Skip(1).Select(l => l.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var first = rows[0];
        var expected = rows.Where(r => r.Take(4).SequenceEqual(first.Take(4))).Average(r => r[4]);
        var inputs = new ParameterSet([new("n", first[0]), new("theta", first[1]), new("r", first[2]), new("t", first[3])]);
        Assert.Equal(expected, truth.TrueValue(inputs), 12);
        var best = rows.GroupBy(r => string.Join(",", r.Take(4))).Max(g => g.Average(r => r[4]));
        Assert.Equal(100.0, truth.PercentileOf(best, higherIsBetter: true));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ParameterSet Point(double temp, double ratio) => new([new("Temp (°C)", temp), new("Ratio, %", ratio)]);

    private TableGroundTruth Small(bool replicates = false, double noise = 0) =>
        new(new TableGroundTruthDefinition(Write(SmallCsv), ["Temp (°C)", "Ratio, %"], "Yield (%)", noise, replicates));

    private string Write(string content)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }
}
