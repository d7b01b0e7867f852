using System.Text;
using SelfDrivingLab.Benchmarks.Data;

namespace SelfDrivingLab.Benchmarks.Tests.Data;

public sealed class BenchmarkDatasetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdl-bench-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string text, bool bom = false)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return path;
    }

    [Fact]
    public void Load_BomOddHeadersAndReplicates_AveragesReplicates()
    {
        var path = Write("P3HT content (%),D1 content (%),Conductivity (measured) (S/cm)\n45,0,10\n45,0,14\n75,25,3\n", bom: true);

        var dataset = BenchmarkDataset.Load(path, "Conductivity (measured) (S/cm)");

        Assert.Equal(["P3HT content (%)", "D1 content (%)"], dataset.InputNames);
        Assert.Equal(3, dataset.RowCount);
        Assert.Equal(2, dataset.CandidateCount);
        Assert.Equal([12.0, 3.0], dataset.Targets);
        Assert.Equal([2, 1], dataset.ReplicateCounts);
    }

    [Fact]
    public void Load_TextColumn_IsOneHotEncodedInOrderOfFirstAppearance()
    {
        var path = Write("name,x,y\nfoo,1,2\nbar,2,3\nfoo,3,4\n");

        var dataset = BenchmarkDataset.Load(path, "y");

        Assert.Equal(["name=foo", "name=bar", "x"], dataset.InputNames);
        Assert.Equal([1.0, 0.0, 1.0], dataset.Inputs[0]);
        Assert.Equal([0.0, 1.0, 2.0], dataset.Inputs[1]);
        Assert.Equal([1.0, 0.0, 3.0], dataset.Inputs[2]);
    }

    [Fact]
    public void Load_ExplicitInputs_UsesOnlyThose()
    {
        var path = Write("a,b,y\n1,5,2\n2,5,3\n");

        var dataset = BenchmarkDataset.Load(path, "y", ["a"]);

        Assert.Equal(["a"], dataset.InputNames);
        Assert.Equal(2, dataset.CandidateCount);
    }

    [Fact]
    public void Load_UnknownColumn_ThrowsNamingColumnAndListingColumns()
    {
        var path = Write("a,y\n1,2\n");

        var error = Assert.Throws<BenchmarkDataException>(() => BenchmarkDataset.Load(path, "toughness"));

        Assert.Contains("no column 'toughness'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a', 'y'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no column 'b'", Assert.Throws<BenchmarkDataException>(() => BenchmarkDataset.Load(path, "y", ["b"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NonNumericValue_ThrowsNamingColumnAndRow()
    {
        var path = Write("a,y\n1,2\n2,oops\n");

        var error = Assert.Throws<BenchmarkDataException>(() => BenchmarkDataset.Load(path, "y"));

        Assert.Contains("column 'y' data row 2: 'oops' is not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TextExplicitInput_IsOneHotEncoded()
    {
        var path = Write("name,y\nfoo,2\nbar,3\n");

        Assert.Equal(["name=foo", "name=bar"], BenchmarkDataset.Load(path, "y", ["name"]).InputNames);
    }

    [Fact]
    public void Load_TargetAsInput_Throws()
    {
        var path = Write("a,y\n1,2\n");

        Assert.Contains("is the target", Assert.Throws<BenchmarkDataException>(() => BenchmarkDataset.Load(path, "y", ["y"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FormulaColumn_FeaturizesAndDropsConstantFeatures()
    {
        var path = Write(",composition,gap expt\n0,NaCl,8.5\n1,KCl,8.4\n2,NaBr,7.1\n3,Fe2O3,2.2\n4,Fe4O6,2.0\n");

        var dataset = BenchmarkDataset.Load(path, "gap expt", formulaColumn: "composition");

        // Fe2O3 and Fe4O6 are the same composition: replicates.
        Assert.Equal(4, dataset.CandidateCount);
        Assert.Equal(2.1, dataset.Targets[3], 12);
        Assert.All(dataset.InputNames, name => Assert.StartsWith("MagpieData ", name, StringComparison.Ordinal));
        Assert.Contains("MagpieData mean Number", dataset.InputNames);
        Assert.True(dataset.InputNames.Count < 132);
        for (var j = 0; j < dataset.InputNames.Count; j++)
        {
            Assert.True(dataset.Inputs.Select(row => row[j]).Distinct().Count() > 1, dataset.InputNames[j]);
        }
    }

    [Fact]
    public void Load_BadFormula_ThrowsNamingColumnRowAndProblem()
    {
        var path = Write("composition,gap\nNaCl,1\nXxO,2\n");

        var error = Assert.Throws<BenchmarkDataException>(() => BenchmarkDataset.Load(path, "gap", formulaColumn: "composition"));

        Assert.Contains("column 'composition' data row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown element 'Xx'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        Assert.Contains("does not exist", Assert.Throws<BenchmarkDataException>(() => BenchmarkDataset.Load(Path.Combine(_directory, "none.csv"), "y")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subsample_IsSeededSubsetOfCandidates()
    {
        var dataset = BenchmarkDataset.Create("y", ["a"], [.. Enumerable.Range(0, 50).Select(i => new double[] { i })], [.. Enumerable.Range(0, 50).Select(i => (double)i * 2)]);

        var a = dataset.Subsample(10, seed: 3);
        var b = dataset.Subsample(10, seed: 3);

        Assert.Equal(10, a.CandidateCount);
        Assert.Equal(a.Targets, b.Targets);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(a.Inputs[i][0] * 2, a.Targets[i]));
        Assert.Same(dataset, dataset.Subsample(100, seed: 3));
    }
}
