using SelfDrivingLab.Benchmarks.Data;

namespace SelfDrivingLab.Benchmarks.Tests.Data;

public sealed class ModelPriorTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sdl-model-prior-{Guid.NewGuid():N}.csv");

    // Rows 1 and 3 have the same inputs (x = 1): replicates of one candidate.
    public ModelPriorTests() => File.WriteAllText(_path, "x,y\n1,10\n2,20\n1,12\n3,30\n");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Load_PriorAsMean_AveragesEachCandidatesRows()
    {
        var prior = new ModelPrior("y", [1.0, 2.0, 3.0, 4.0], [0.1, 0.2, 0.3, 0.4], ModelPriorUse.Mean);

        var dataset = BenchmarkDataset.Load(_path, "y", prior: prior);

        Assert.Equal(3, dataset.CandidateCount);
        Assert.Equal([2.0, 2.0, 4.0], dataset.PriorMeans!);
        Assert.Equal(0.2, dataset.PriorUncertainties![0], 12);
        Assert.Equal(["x"], dataset.InputNames);
    }

    [Fact]
    public void Load_PriorAsFeature_AddsThePredictionAndItsUncertaintyAsInputs()
    {
        var prior = new ModelPrior("y", [1.0, 2.0, 3.0, 4.0], [0.1, 0.2, 0.3, 0.4], ModelPriorUse.Feature);

        var dataset = BenchmarkDataset.Load(_path, "y", prior: prior);

        Assert.Null(dataset.PriorMeans);
        Assert.Equal(["x", "predicted y", "predicted y_uncertainty"], dataset.InputNames);
        Assert.Equal(4, dataset.CandidateCount);
    }

    [Fact]
    public void Load_PriorForAnotherRowCount_IsRefused()
    {
        var prior = new ModelPrior("y", [1.0], [0.1], ModelPriorUse.Mean);

        var error = Assert.Throws<BenchmarkDataException>(() => BenchmarkDataset.Load(_path, "y", prior: prior));

        Assert.Contains("has 4 rows but the model's predictions are for 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subsample_KeepsTheChosenCandidatesPriorMeans()
    {
        var prior = new ModelPrior("y", [1.0, 2.0, 3.0, 4.0], [0.1, 0.2, 0.3, 0.4], ModelPriorUse.Mean);
        var dataset = BenchmarkDataset.Load(_path, "y", prior: prior);

        var sample = dataset.Subsample(2, seed: 1);

        Assert.Equal(sample.Inputs.Select(row => row[0] switch { 1 => 2.0, 2 => 2.0, _ => 4.0 }), sample.PriorMeans!);
    }
}
