using SelfDrivingLab.PropertyModels.Evaluation;

namespace SelfDrivingLab.PropertyModels.Tests.Evaluation;

public sealed class CrossValidationTests
{
    [Fact]
    public void Folds_SameSeed_AreReproducible()
    {
        Assert.Equal(CrossValidation.Folds(100, 5, 0), CrossValidation.Folds(100, 5, 0));
    }

    [Fact]
    public void Folds_OtherSeed_ShuffleDifferently()
    {
        Assert.NotEqual(CrossValidation.Folds(100, 5, 0)[0], CrossValidation.Folds(100, 5, 1)[0]);
    }

    [Fact]
    public void Folds_PartitionTheRowsWithKFoldSizes()
    {
        var folds = CrossValidation.Folds(11, 5, 3);

        Assert.Equal([3, 2, 2, 2, 2], folds.Select(f => f.Length));
        Assert.Equal(Enumerable.Range(0, 11), folds.SelectMany(f => f).Order());
    }

    [Fact]
    public void Folds_AreShuffledNotContiguous()
    {
        var first = CrossValidation.Folds(100, 5, 0)[0];

        Assert.NotEqual(Enumerable.Range(0, 20), first);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void Folds_BadCount_Throws(int folds)
    {
        Assert.Throws<ArgumentException>(() => CrossValidation.Folds(10, folds, 0));
    }
}
