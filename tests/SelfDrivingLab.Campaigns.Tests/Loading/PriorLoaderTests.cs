using SelfDrivingLab.Campaigns.Definitions;
using static SelfDrivingLab.Campaigns.Tests.CampaignFiles;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

/// <summary><c>prior:</c>, a CSV table of earlier measurements: read with the project's CSV reader and checked row by row.</summary>
public sealed class PriorLoaderTests : IDisposable
{
    private const string Header = "n,theta,solvent,toughness,density\n";

    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string WithPrior(string rows, string prior = "prior: data/earlier.csv")
    {
        File.WriteAllText(Path.Combine(_files.Directory, "data", "earlier.csv"), rows);
        return QuickstartWith("initial_design:", $"{prior}\ninitial_design:");
    }

    [Fact]
    public void Parse_PriorTable_ReadsEveryRowTypedByTheSpace()
    {
        var definition = _files.Parse(WithPrior(Header + "6,10,water,1.2,0.9\n8,50.5,ethanol,2.5,\n"));

        var prior = Assert.IsType<PriorDataDefinition>(definition.Prior);
        Assert.Equal(2, prior.Rows.Count);
        var second = prior.Rows[1];
        Assert.Equal(3, second.Line);
        Assert.Equal(8.0, second.Parameters.GetNumber("n"));
        Assert.Equal(50.5, second.Parameters.GetNumber("theta"));
        Assert.Equal("ethanol", second.Parameters["solvent"].Text);
        Assert.Equal(2.5, second.Outputs.GetNumber("toughness"));
        Assert.False(second.Outputs.ContainsKey("density"));
        Assert.Equal(2, PriorDataCheck.Usable(definition).Count);
    }

    [Fact]
    public void Parse_MissingFile_NamesTheFile()
    {
        var yaml = QuickstartWith("initial_design:", "prior: data/nowhere.csv\ninitial_design:");

        var ex = _files.Fail(yaml);

        Assert.Contains("prior", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'data/nowhere.csv' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingParameterColumn_NamesTheFileAndColumn()
    {
        var ex = _files.Fail(WithPrior("n,solvent,toughness\n6,water,1.2\n"));

        Assert.Contains("prior.table", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'earlier.csv' has no column 'theta' (a parameter)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingObjectiveColumn_NamesIt()
    {
        var ex = _files.Fail(WithPrior("n,theta,solvent\n6,10,water\n"));

        Assert.Contains("no column 'toughness' (an objective's output)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValueOutsideTheSpace_NamesFileLineAndParameter()
    {
        var ex = _files.Fail(WithPrior(Header + "6,10,water,1.2,1\n8,250,water,2.5,1\n"));

        Assert.Contains("'earlier.csv' line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("theta", ex.Message, StringComparison.Ordinal);
        Assert.Contains("outside: ignore", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonNumericObjective_NamesFileLineAndColumn()
    {
        var ex = _files.Fail(WithPrior(Header + "6,10,water,tough,1\n"));

        Assert.Contains("'earlier.csv' line 2: objective output 'toughness' needs a finite number (got 'tough')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonNumericParameter_NamesFileLineAndParameter()
    {
        var ex = _files.Fail(WithPrior(Header + "6,ten,water,1.2,1\n"));

        Assert.Contains("'earlier.csv' line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("theta", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotFiniteNumber_NamesFileLineAndColumn()
    {
        var ex = _files.Fail(WithPrior(Header + "6,10,water,NaN,1\n"));

        Assert.Contains("'data/earlier.csv' line 2, column 'toughness': 'NaN' is not a finite number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OutsideIgnore_LeavesTheRowOutOfTheModel()
    {
        var yaml = WithPrior(Header + "6,10,water,1.2,1\n8,250,water,2.5,1\n", "prior: { table: data/earlier.csv, outside: ignore }");

        var definition = _files.Parse(yaml);

        var problem = Assert.Single(PriorDataCheck.Check(definition));
        Assert.True(problem.Outside);
        Assert.Equal(3, problem.Line);
        Assert.Equal([10.0], PriorDataCheck.Usable(definition).Select(r => r.Parameters.GetNumber("theta")));
    }

    [Fact]
    public void Identity_PriorRowsChanged_IsAChangeOfTheCampaign_ButMovingTheFileIsNot()
    {
        var before = CampaignIdentity.Of(_files.Parse(WithPrior(Header + "6,10,water,1.2,1\n")));
        var moved = Path.Combine(_files.Directory, "moved.csv");
        File.WriteAllText(moved, Header + "6,10,water,1.2,1\n");
        var same = CampaignIdentity.Of(_files.Parse(QuickstartWith("initial_design:", "prior: moved.csv\ninitial_design:")));
        var after = CampaignIdentity.Of(_files.Parse(WithPrior(Header + "6,10,water,1.3,1\n")));

        Assert.Empty(before.ChangesTo(same));
        Assert.Equal(["prior.rows"], before.ChangesTo(after).Select(c => c.Path));
    }
}
