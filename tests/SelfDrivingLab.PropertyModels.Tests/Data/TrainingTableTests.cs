using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.PropertyModels.Tests.Data;

public sealed class TrainingTableTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Table(params string[] lines)
    {
        var path = _directory.File("table.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Read_YesNoColumn_IsClassification()
    {
        var path = Table("formula,metal", "Cu,yes", "NaCl,no", "Fe,True");

        var set = TrainingTable.Read(new TableRequest(path, "formula", "metal"));

        Assert.Equal(PropertyTask.Classification, set.Task);
        Assert.Equal([1.0, 0, 1], set.Values);
    }

    [Fact]
    public void Read_NumericWithRule_ClassifiesByTheRule()
    {
        var path = Table("formula,gap", "Cu,0", "NaCl,8.5", "Si,1.1");

        var set = TrainingTable.Read(new TableRequest(path, "formula", "gap", PositiveWhen: "== 0", Name: "metal"));

        Assert.Equal(PropertyTask.Classification, set.Task);
        Assert.Equal([1.0, 0, 0], set.Values);
        Assert.Equal("metal", set.Name);
        Assert.Equal("== 0", set.PositiveRule);
    }

    [Fact]
    public void Read_NumericColumn_IsRegressionWithExtraInputs()
    {
        var path = Table("formula,gap,T", "Cu,0,300", "NaCl,8.5,310");

        var set = TrainingTable.Read(new TableRequest(path, "formula", "gap", ExtraInputs: ["T"]));

        Assert.Equal(PropertyTask.Regression, set.Task);
        Assert.Equal([0, 8.5], set.Values);
        Assert.Equal([310.0], set.ExtraInputs[1]);
    }

    [Fact]
    public void Read_ClassifyNumericWithoutRule_AsksForPositiveWhen()
    {
        var path = Table("formula,gap", "Cu,0", "NaCl,8.5");

        var error = Assert.Throws<TableDataException>(() => TrainingTable.Read(new TableRequest(path, "formula", "gap", PropertyTask.Classification)));

        Assert.Contains("--positive-when", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingColumn_NamesItAndTheColumns()
    {
        var path = Table("formula,gap", "Cu,0");

        var error = Assert.Throws<TableDataException>(() => TrainingTable.Read(new TableRequest(path, "composition", "gap")));

        Assert.Contains("'composition'", error.Message, StringComparison.Ordinal);
        Assert.Contains("formula, gap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadFormula_NamesTheLine()
    {
        var path = Table("formula,gap", "Cu,0", "Xq2,1");

        var error = Assert.Throws<TableDataException>(() => TrainingTable.Read(new TableRequest(path, "formula", "gap")));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Xq2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NonNumericTarget_NamesTheValue()
    {
        var path = Table("formula,gap", "Cu,0", "NaCl,big");

        var error = Assert.Throws<TableDataException>(() => TrainingTable.Read(new TableRequest(path, "formula", "gap")));

        Assert.Contains("'big'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RuleWithRegression_IsRefused()
    {
        var path = Table("formula,gap", "Cu,0", "NaCl,8.5");

        var error = Assert.Throws<TableDataException>(() => TrainingTable.Read(new TableRequest(path, "formula", "gap", PropertyTask.Regression, "== 0")));

        Assert.Contains("--positive-when", error.Message, StringComparison.Ordinal);
    }
}
