using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Optimization.Space;
using static SelfDrivingLab.Campaigns.Tests.CampaignFiles;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

public sealed class PoolLoaderTests : IDisposable
{
    private const string GapTable =
        ",composition,gap expt,a,b\n" +
        "0,Fe2O3,2.2,1,10\n" +
        "1,GaAs,1.42,2,10\n" +
        "2,CsPbI3,1.73,3,10\n" +
        "3,Fe2O3,2.4,1,10\n" +
        "4,Ag(AuS)2,0,4,10\n";

    private const string PoolCampaign = """
        name: gap-pool
        seed: 3
        budget: 3
        objective: { output: gap expt, goal: target, target: 1.34 }
        pool:
          table: data/gaps.csv
          formula_column: composition
        workflow:
          - name: synthesis
            capability: synthesize
            deadline: 2h
            parameters: { formula: $composition }
          - name: characterization
            capability: measure
            deadline: 1h
            parameters: { sample_id: $steps.synthesis.sample_id, composition: $composition }
        simulators:
          - id: maker-1
            type: synthesis
            capability: synthesize
            duration: { mean: 1h, sd: 10m }
          - id: uvvis-1
            type: characterization
            capability: measure
            duration: { mean: 10m, sd: 1m }
            ground_truth: { table: data/gaps.csv, inputs: [composition], output: gap expt, match: exact }
        """;

    private readonly CampaignFiles _files = new();

    public PoolLoaderTests() => File.WriteAllText(Path.Combine(_files.Directory, "data", "gaps.csv"), GapTable);

    public void Dispose() => _files.Dispose();

    private static string With(string oldText, string newText)
    {
        Assert.Contains(oldText, PoolCampaign, StringComparison.Ordinal);
        return PoolCampaign.Replace(oldText, newText, StringComparison.Ordinal);
    }

    private static void AssertError(CampaignDefinitionException ex, string path, int line, string messagePart)
    {
        var matches = ex.Errors.Where(e => e.Path == path).ToList();
        Assert.True(matches.Count == 1, $"expected one error at '{path}', got:\n{ex.Message}");
        Assert.Equal(line, matches[0].Line);
        Assert.Contains(messagePart, matches[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FormulaPool_DistinctFormulasBecomeACategoricalSpaceAndTheProposersPool()
    {
        var definition = _files.Parse(PoolCampaign);

        var pool = Assert.IsType<CandidatePoolDefinition>(definition.Pool);
        var formulas = new[] { "Fe2O3", "GaAs", "CsPbI3", "Ag(AuS)2" };
        Assert.Equal("composition", pool.FormulaColumn);
        Assert.Equal(["composition"], pool.ParameterNames);
        Assert.Equal(formulas, pool.Candidates.Candidates.Select(c => c["composition"].Text));
        Assert.Same(pool.Candidates, definition.Proposer.Pool);
        var parameter = Assert.IsType<CategoricalParameter>(Assert.Single(definition.Space.Parameters));
        Assert.Equal(formulas, parameter.Choices);
        Assert.All(pool.Candidates.FeatureNames, name => Assert.StartsWith("MagpieData ", name, StringComparison.Ordinal));
        var truth = Assert.IsType<TableGroundTruthDefinition>(definition.Simulators[1].GroundTruth);
        Assert.True(truth.ExactTextMatch);
    }

    [Fact]
    public void Parse_InputsPoolWithLimit_SeededSubsampleOfNumericCandidates()
    {
        var yaml = With("formula_column: composition", "inputs: [a, b]\n  limit: 3")
            .Replace("$composition", "$a", StringComparison.Ordinal)
            .Replace("inputs: [composition], output: gap expt, match: exact", "inputs: [a, b], output: gap expt", StringComparison.Ordinal);

        var first = _files.Parse(yaml);
        var again = _files.Parse(yaml);

        var pool = first.Pool!.Candidates;
        Assert.Equal(3, pool.Count);
        Assert.Equal(pool.Candidates, again.Pool!.Candidates.Candidates);
        Assert.Equal(["a"], pool.FeatureNames); // b is constant
        Assert.All(pool.Candidates, c => Assert.Contains(c.GetNumber("a"), new[] { 1.0, 2.0, 3.0, 4.0 }));
        Assert.Equal(["a", "b"], first.Space.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Parse_BadFormulaRow_NamesTheTableLineAndFormula()
    {
        File.AppendAllText(Path.Combine(_files.Directory, "data", "gaps.csv"), "5,Xq2O,1,5,10\n6,Zz,1,6,10\n");

        var ex = _files.Fail(PoolCampaign);

        AssertError(ex, "pool.formula_column", LineOf(PoolCampaign, "formula_column:"), "'data/gaps.csv' line 7: 'Xq2O' is not a valid formula");
    }

    [Fact]
    public void Parse_MissingTableAndColumn_NameThePathAndLine()
    {
        var missingFile = _files.Fail(With("table: data/gaps.csv", "table: data/nothing.csv"));
        var missingColumn = _files.Fail(With("formula_column: composition", "formula_column: compositon"));

        AssertError(missingFile, "pool.table", LineOf(PoolCampaign, "table: data/gaps.csv"), "file 'data/nothing.csv' does not exist");
        AssertError(missingColumn, "pool.formula_column", LineOf(PoolCampaign, "formula_column:"), "column 'compositon' is not in the header of 'data/gaps.csv'");
        Assert.EndsWith("(did you mean 'composition'?)", missingColumn.Errors.Single(e => e.Path == "pool.formula_column").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RaggedTableRow_NamesTheTableAndLine()
    {
        File.AppendAllText(Path.Combine(_files.Directory, "data", "gaps.csv"), "5,GaN\n");

        var ex = _files.Fail(PoolCampaign);

        AssertError(ex, "pool.table", LineOf(PoolCampaign, "table: data/gaps.csv"), "'data/gaps.csv' line 7 has 2 fields; the header has 5");
    }

    [Fact]
    public void Parse_SpaceAndPoolTogether_IsAnError()
    {
        var yaml = With("pool:", "space:\n  - { name: x, type: continuous, low: 0, high: 1 }\npool:");

        var ex = _files.Fail(yaml);

        AssertError(ex, "pool", LineOf(yaml, "table: data/gaps.csv"), "give either 'space' or 'pool', not both");
    }

    [Fact]
    public void Parse_BudgetAbovePoolSize_IsAnError()
    {
        var yaml = With("budget: 3", "budget: 5");

        var ex = _files.Fail(yaml);

        AssertError(ex, "budget", LineOf(yaml, "budget:"), "must be at most the pool's 4 candidates (got 5)");
    }

    [Fact]
    public void Parse_UnboundParameter_IsStillReported()
    {
        var yaml = With("parameters: { formula: $composition }", "parameters: { formula: $formula }");

        var ex = _files.Fail(yaml);

        Assert.Contains(ex.Errors, e => e.Path.StartsWith("workflow[0].parameters", StringComparison.Ordinal) && e.Message.Contains("formula", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ExactMatchWithTwoInputs_IsAnError()
    {
        var yaml = With("inputs: [composition], output: gap expt, match: exact", "inputs: [composition, a], output: gap expt, match: exact");

        var ex = _files.Fail(yaml);

        AssertError(ex, "simulators[1].ground_truth.match", LineOf(yaml, "match: exact"), "exactly one input column");
    }
}
