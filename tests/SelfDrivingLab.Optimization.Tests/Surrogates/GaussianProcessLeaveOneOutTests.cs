using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

public sealed class GaussianProcessLeaveOneOutTests
{
    private static readonly GaussianProcessHyperparameters Hp = new([0.4, 0.7], 1.5, 0.05);

    [Fact]
    public void LeaveOneOutResiduals_SmallData_EqualRefittingWithoutEachPoint()
    {
        double[][] x = [[0.1, 0.2], [0.4, 0.9], [0.7, 0.5], [0.95, 0.1], [0.3, 0.6], [0.55, 0.35]];
        double[] y = [1.0, 2.5, 0.3, -0.7, 1.9, 0.8];
        var model = GaussianProcessModel.Create(KernelKind.Matern52, Hp, x, y, yMean: 0.5, yScale: 1.3);

        var residuals = model.LeaveOneOutResiduals();

        for (var i = 0; i < x.Length; i++)
        {
            var others = Enumerable.Range(0, x.Length).Where(j => j != i).ToArray();
            var without = GaussianProcessModel.Create(KernelKind.Matern52, Hp, [.. others.Select(j => x[j])], [.. others.Select(j => y[j])], yMean: 0.5, yScale: 1.3);
            var (mean, variance) = (new double[1], new double[1]);
            without.Predict([x[i]], mean, variance);
            var expected = (y[i] - mean[0]) / Math.Sqrt(variance[0] + without.NoiseVariance);
            Assert.Equal(expected, residuals[i], 10);
        }
    }
}
