using SelfDrivingLab.PropertyModels.Evaluation;

namespace SelfDrivingLab.PropertyModels.Tests.Evaluation;

public sealed class MetricsTests
{
    [Fact]
    public void RegressionMetrics_MatchHandComputedValues()
    {
        double[] truth = [1, 2, 3, 4];
        double[] predicted = [1.5, 2, 2, 4];

        Assert.Equal(1.5 / 4, Metrics.MeanAbsoluteError(truth, predicted), 12);
        Assert.Equal(Math.Sqrt(1.25 / 4), Metrics.RootMeanSquaredError(truth, predicted), 12);
        Assert.Equal(1 - (1.25 / 5), Metrics.RSquared(truth, predicted), 12);
    }

    [Fact]
    public void RocAuc_CountsCorrectlyOrderedPairs()
    {
        // Positives score 0.9 and 0.4, negatives 0.1 and 0.5: 3 of the 4 pairs are ordered correctly.
        Assert.Equal(0.75, Metrics.RocAuc([1, 0, 1, 0], [0.9, 0.1, 0.4, 0.5]), 12);
    }

    [Fact]
    public void RocAuc_TiesCountHalf()
    {
        Assert.Equal(0.5, Metrics.RocAuc([1, 0], [0.3, 0.3]), 12);
        Assert.Equal(0.75, Metrics.RocAuc([1, 0, 0], [0.3, 0.3, 0.1]), 12);
    }

    [Fact]
    public void RocAuc_OneClass_IsNaN()
    {
        Assert.True(double.IsNaN(Metrics.RocAuc([1, 1], [0.2, 0.8])));
    }

    [Fact]
    public void Accuracy_ThresholdsAtOneHalf()
    {
        Assert.Equal(0.75, Metrics.Accuracy([1, 0, 1, 0], [0.5, 0.49, 0.2, 0.1]), 12);
    }
}
