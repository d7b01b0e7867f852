using System.IO.Compression;
using System.Text;
using SelfDrivingLab.PropertyModels.Data;
using SelfDrivingLab.PropertyModels.Persistence;

namespace SelfDrivingLab.PropertyModels.Tests.Persistence;

public sealed class ModelFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(ModelKind.GradientBoostedTrees)]
    [InlineData(ModelKind.RandomForest)]
    [InlineData(ModelKind.Ridge)]
    [InlineData(ModelKind.GaussianProcess)]
    public void SaveThenLoad_PredictsExactlyAsTheTrainedModel(ModelKind kind)
    {
        var train = SyntheticTables.Regression(c => c.Elements[1] == "F" ? 0 : SyntheticTables.MeanElectronegativity(c), SyntheticTables.Split.Test);
        var model = PropertyModelTrainer.Train(train, new ModelSettings { Kind = kind, EnsembleMembers = 2, Trees = 30, GaussianProcessMaxPoints = 40 });
        var path = _directory.File("m.sdlmodel");

        ModelFile.Save(model, path);
        var loaded = ModelFile.Load(path);

        Assert.Equal(model.Info with { ExtraInputs = [] }, loaded.Info with { ExtraInputs = [] });
        Assert.Equal(model.Predict(SyntheticTables.Compositions), loaded.Predict(SyntheticTables.Compositions));
    }

    [Fact]
    public void Load_NotAModel_SaysSo()
    {
        var path = _directory.File("table.csv");
        File.WriteAllText(path, "formula,gap\nCu,0\n");

        var error = Assert.Throws<TableDataException>(() => ModelFile.Load(path));

        Assert.Contains("not a SelfDrivingLab model file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownVersion_NamesBothVersions()
    {
        var path = _directory.File("future.sdlmodel");
        using (var zip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes("{\"format\":\"selfdrivinglab-property-model\",\"version\":99,\"featureSet\":\"full-magpie-149\"}"));
        }

        var error = Assert.Throws<TableDataException>(() => ModelFile.Load(path));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {ModelFile.CurrentVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        var error = Assert.Throws<TableDataException>(() => ModelFile.Load(_directory.File("none.sdlmodel")));

        Assert.Contains("none.sdlmodel", error.Message, StringComparison.Ordinal);
    }
}
