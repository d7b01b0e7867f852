using System.Text;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators.Tests.GroundTruths;

public sealed class TextKeyedTableGroundTruthTests : IDisposable
{
    private const string GapCsv =
        ",composition,gap expt\r\n" +
        "0,Fe2O3,2.2\r\n" +
        "1,\"Ag(AuS)2\",0\r\n" +
        "2,Fe2O3,2.4\r\n" +
        "3,GaAs,1.42\r\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sdl-sim-tests", Guid.NewGuid().ToString("N"));

    public TextKeyedTableGroundTruthTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private TableGroundTruthDefinition Definition(string csv, bool replicates = false, double noise = 0)
    {
        var path = Path.Combine(_directory, "gaps.csv");
        File.WriteAllText(path, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return new TableGroundTruthDefinition(path, ["composition"], "gap expt", noise, replicates) { ExactTextMatch = true };
    }

    private static ParameterSet Formula(string formula) => new([new("composition", formula), new("sample_id", "s-1")]);

    [Fact]
    public void TrueValue_ExactKey_ReturnsTheMeanOfItsRows()
    {
        var truth = new TextKeyedTableGroundTruth(Definition(GapCsv));

        Assert.Equal(2.3, truth.TrueValue(Formula("Fe2O3")), precision: 12);
        Assert.Equal(0.0, truth.TrueValue(Formula("Ag(AuS)2")));
        Assert.Equal(1.42, truth.TrueValue(Formula(" GaAs ")));
        Assert.Equal(["Fe2O3", "Ag(AuS)2", "GaAs"], truth.Candidates.Select(c => c.Inputs["composition"].Text));
    }

    [Fact]
    public void Measure_WithReplicates_AnswersOnlyThatKeysReplicates()
    {
        var truth = new TextKeyedTableGroundTruth(Definition(GapCsv, replicates: true));
        var random = new Random(3);

        var answers = Enumerable.Range(0, 40).Select(_ => truth.Measure(Formula("Fe2O3"), random)).Distinct().Order().ToList();

        Assert.Equal([2.2, 2.4], answers);
    }

    [Fact]
    public void Measure_UnknownKey_ThrowsNamingIt()
    {
        var truth = new TextKeyedTableGroundTruth(Definition(GapCsv));

        var ex = Assert.Throws<ArgumentException>(() => truth.Measure(Formula("fe2o3"), new Random(1)));

        Assert.Contains("'fe2o3' is not in the table", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_NumberInsteadOfText_ThrowsNamingTheInput()
    {
        var truth = new TextKeyedTableGroundTruth(Definition(GapCsv));

        var ex = Assert.Throws<ArgumentException>(() => truth.TrueValue(new ParameterSet([new("composition", 3.0)])));

        Assert.Contains("'composition' must be text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadOutputNumber_NamesFileLineAndColumn()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new TextKeyedTableGroundTruth(Definition(GapCsv + "4,CsPbI3,n/a\r\n")));

        Assert.Contains("line 6", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'gap expt'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroundTruthFactory_ExactTextMatch_CreatesTheTextKeyedTable()
    {
        Assert.IsType<TextKeyedTableGroundTruth>(GroundTruthFactory.Create(Definition(GapCsv)));
    }
}
