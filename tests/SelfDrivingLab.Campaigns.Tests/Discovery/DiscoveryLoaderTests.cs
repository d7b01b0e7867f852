using SelfDrivingLab.Campaigns.Discovery;

namespace SelfDrivingLab.Campaigns.Tests.Discovery;

public sealed class DiscoveryLoaderTests : IDisposable
{
    private const string Valid = """
        name: d
        seed: 4
        out: OUT
        models:
          - { name: gap, table: gaps.csv, formula_column: composition, target: gap expt, rows: 100 }
          - { name: gap-lab, table: gaps.csv, formula_column: composition, target: gap expt, kind: ridge }
        screen: { elements: [Zn, S, Se], max_atoms: 4, charge_neutral: true, where: ["gap between 1 and 2"], top: 10 }
        lab: { truth: gap-lab, noise_sd: 0.05 }
        campaign:
          budget: 6
          objective: { output: gap, goal: target, target: 1.34 }
          prior_model: { model: gap, as: mean }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("sdl-discovery-").FullName;

    public DiscoveryLoaderTests() => File.WriteAllText(Path.Combine(_dir, "gaps.csv"), ",composition,gap expt\n0,ZnS,3.6\n1,ZnSe,2.7\n");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DiscoveryDefinition Parse(string yaml) => DiscoveryLoader.Parse(yaml.Replace("OUT", Path.Combine(_dir, "out"), StringComparison.Ordinal), Path.Combine(_dir, "d.yaml"));

    private void AssertError(string yaml, string path, string messagePart)
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => Parse(yaml));
        Assert.True(ex.Errors.Any(e => e.Path == path && e.Message.Contains(messagePart, StringComparison.Ordinal)), ex.Message);
    }

    private static string With(string oldText, string newText)
    {
        Assert.Contains(oldText, Valid, StringComparison.Ordinal);
        return Valid.Replace(oldText, newText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValidFile_ReadsEverySectionAndWritesALoadableCampaign()
    {
        var definition = Parse(Valid);

        Assert.Equal(["gap", "gap-lab"], definition.Models.Select(m => m.Name));
        Assert.Equal(Path.Combine(_dir, "out", "models", "gap.sdlmodel"), definition.Models[0].File);
        Assert.Equal(100, definition.Models[0].Rows);
        Assert.Equal("gap-lab", definition.TruthModel);
        Assert.Equal("gap", definition.TruthOutput);
        Assert.Contains(definition.Models[0].File, definition.CampaignYaml, StringComparison.Ordinal);
        Assert.Contains("name: d", definition.CampaignYaml, StringComparison.Ordinal);
        Assert.Contains(definition.TruthPath, definition.CampaignYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTopLevelKey_IsAnErrorSuggestingTheKnownOne() =>
        AssertError(With("lab:", "labs:"), "labs", "lab");

    [Fact]
    public void Parse_MissingTable_IsAnErrorNamingTheFile() =>
        AssertError(With("table: gaps.csv, formula_column: composition, target: gap expt, rows", "table: nope.csv, formula_column: composition, target: gap expt, rows"), "models[0].table", "'nope.csv' does not exist");

    [Fact]
    public void Parse_UnknownModelKind_IsAnErrorListingTheKinds() =>
        AssertError(With("kind: ridge", "kind: svm"), "models[1].kind", "'svm' is not a model kind; use auto, gbt, rf, gp, ridge");

    [Fact]
    public void Parse_ConditionOnAnUnknownModel_IsAnError() =>
        AssertError(With("gap between 1 and 2", "bandgap between 1 and 2"), "screen.where", "names 'bandgap', which is not one of the models");

    [Fact]
    public void Parse_NotAnElement_IsAnErrorInTheFilesWords() =>
        AssertError(With("[Zn, S, Se]", "[Zn, S, Xx]"), "screen.elements", "elements: 'Xx' is not an element symbol");

    [Fact]
    public void Parse_TruthThatIsNotAModel_IsAnError() =>
        AssertError(With("truth: gap-lab", "truth: world"), "lab.truth", "'world' is not one of the models");

    [Fact]
    public void Parse_PriorModelThatIsNotAModel_IsAnError() =>
        AssertError(With("model: gap, as: mean", "model: gapp, as: mean"), "campaign.prior_model.model", "'gapp' is not one of the models");

    [Fact]
    public void Parse_CampaignKeyTheDiscoveryProvides_IsAnError() =>
        AssertError(With("  budget: 6", "  budget: 6\n  pool: { table: x.csv }"), "campaign.pool", "set by sdl discover");
}
