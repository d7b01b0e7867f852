using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Materials.Formulas;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Persistence;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

public sealed class PoolPriorModelLoaderTests : IDisposable
{
    private const string GapTable =
        ",composition,gap expt\n" +
        "0,Fe2O3,2.2\n" +
        "1,GaAs,1.42\n" +
        "2,CsPbI3,1.73\n" +
        "3,NaCl,8.5\n" +
        "4,Ag(AuS)2,0\n";

    private const string PoolCampaign = """
        name: gap-pool
        seed: 3
        budget: 3
        objective: { output: gap expt, goal: target, target: 1.34 }
        pool:
          table: data/gaps.csv
          formula_column: composition
          prior_model: PRIOR
        workflow:
          - name: characterization
            capability: measure
            deadline: 1h
            parameters: { composition: $composition }
        simulators:
          - id: uvvis-1
            type: characterization
            capability: measure
            duration: { mean: 10m, sd: 1m }
            ground_truth: { table: data/gaps.csv, inputs: [composition], output: gap expt, match: exact }
        """;

    private static readonly string[] Formulas = ["Fe2O3", "GaAs", "CsPbI3", "NaCl", "Ag(AuS)2", "ZnO", "CdTe", "Si", "MgO", "TiO2"];

    private readonly CampaignFiles _files = new();

    public PoolPriorModelLoaderTests()
    {
        File.WriteAllText(Path.Combine(_files.Directory, "data", "gaps.csv"), GapTable);
        ModelFile.Save(Train(PropertyTask.Regression), Path.Combine(_files.Directory, "data", "gap.sdlmodel"));
        ModelFile.Save(Train(PropertyTask.Classification), Path.Combine(_files.Directory, "data", "metal.sdlmodel"));
    }

    public void Dispose() => _files.Dispose();

    /// <summary>A small ridge model of a made-up property (the number of atoms per formula unit, or "has oxygen").</summary>
    private static PropertyModel Train(PropertyTask task)
    {
        var compositions = Formulas.Select(f => ChemicalFormula.TryParse(f, out var c, out _) ? c : throw new InvalidOperationException(f)).ToArray();
        double Target(Composition c) => task == PropertyTask.Regression ? c.Elements.Count : c.Elements.Contains("O") ? 1 : 0;
        var set = new PropertyModels.Data.TrainingSet(
            "gap", "gap", task, task == PropertyTask.Regression ? string.Empty : "yes/no", Formulas, compositions, [], [.. compositions.Select(_ => Array.Empty<double>())], [.. compositions.Select(Target)]);
        return PropertyModelTrainer.Train(set, new ModelSettings { Kind = ModelKind.Ridge });
    }

    private static string With(string prior) => PoolCampaign.Replace("PRIOR", prior, StringComparison.Ordinal);

    private static void AssertError(CampaignDefinitionException ex, string path, string messagePart)
    {
        var matches = ex.Errors.Where(e => e.Path == path).ToList();
        Assert.True(matches.Count == 1, $"expected one error at '{path}', got:\n{ex.Message}");
        Assert.Contains(messagePart, matches[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PriorModelAsMean_GivesTheProposerTheModelsPredictionPerCandidate()
    {
        var definition = _files.Parse(With("{ model: data/gap.sdlmodel, as: mean, scale: learned }"));

        var pool = Assert.IsType<CandidatePoolDefinition>(definition.Pool);
        var model = ModelFile.Load(Path.Combine(_files.Directory, "data", "gap.sdlmodel"));
        var expected = model.Predict([.. pool.Candidates.Candidates.Select(c => ChemicalFormula.TryParse(c["composition"].Text!, out var x, out _) ? x : null!)]);
        var prior = Assert.IsType<PoolPriorMean>(definition.Proposer.PriorMean);
        Assert.Same(pool.PriorMean, prior);
        Assert.Equal(expected.Select(p => p.Value), prior.Means);
        Assert.Equal(PriorMeanScaling.Learned, prior.Scaling);
        Assert.True(prior.AddUncertainty);
        Assert.Equal(expected.Select(p => p.Uncertainty), prior.Uncertainties);
        Assert.DoesNotContain(pool.Candidates.FeatureNames, n => n.StartsWith("predicted", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PriorModelAsFeature_AddsThePredictionAndItsUncertaintyAsFeatures()
    {
        var definition = _files.Parse(With("{ model: data/gap.sdlmodel, as: feature }"));

        var pool = Assert.IsType<CandidatePoolDefinition>(definition.Pool);
        Assert.Null(definition.Proposer.PriorMean);
        Assert.Contains("predicted gap", pool.Candidates.FeatureNames);
    }

    [Fact]
    public void Parse_UncertaintyFalse_LeavesTheModelsUncertaintyOutOfTheVariance()
    {
        var definition = _files.Parse(With("{ model: data/gap.sdlmodel, uncertainty: false }"));

        Assert.False(Assert.IsType<PoolPriorMean>(definition.Proposer.PriorMean).AddUncertainty);
    }

    [Fact]
    public void Parse_MissingModelFile_IsAnErrorNamingTheFile()
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(With("{ model: data/nope.sdlmodel }")));

        AssertError(ex, "pool.prior_model.model", "nope.sdlmodel' does not exist");
    }

    [Fact]
    public void Parse_ClassifierAsMean_IsAnError()
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(With("{ model: data/metal.sdlmodel }")));

        AssertError(ex, "pool.prior_model.as", "is a classifier");
    }

    [Fact]
    public void Parse_UnknownUse_IsAnErrorListingTheChoices()
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(With("{ model: data/gap.sdlmodel, as: offset }")));

        AssertError(ex, "pool.prior_model.as", "use mean, feature");
    }

    [Fact]
    public void Parse_ScaleWithFeature_IsAnError()
    {
        var ex = Assert.Throws<CampaignDefinitionException>(() => _files.Parse(With("{ model: data/gap.sdlmodel, as: feature, scale: learned }")));

        AssertError(ex, "pool.prior_model.scale", "applies only to 'as: mean'");
    }
}
