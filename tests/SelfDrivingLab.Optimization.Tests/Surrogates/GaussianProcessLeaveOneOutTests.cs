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

    [Fact]
    public void CalibrationScale_ResidualsWiderThanPredicted_WidensToTheirConformalQuantile()
    {
        // 20 points of a rough function fitted with a deliberately smooth, nearly noise-free model: overconfident.
        var x = Enumerable.Range(0, 20).Select(i => new[] { i / 19.0, (i * 7 % 20) / 19.0 }).ToArray();
        var y = x.Select(p => Math.Sin(17 * p[0]) + Math.Cos(13 * p[1])).ToArray();
        var model = GaussianProcessModel.Create(KernelKind.Rbf, new GaussianProcessHyperparameters([2.0, 2.0], 1, 1e-4), x, y, yMean: 0, yScale: 1);

        var scale = DesignRecommender.CalibrationScale(model);

        // The ⌈0.9·21⌉ = 19th smallest |z| over Φ⁻¹(0.95).
        var sorted = model.LeaveOneOutResiduals().Select(Math.Abs).Order().ToArray();
        Assert.Equal(sorted[18] / 1.6448536269514722, scale, 12);
        Assert.True(scale > 1);
    }

    [Fact]
    public void CalibrationScale_FewerThanNineData_IsOne()
    {
        var model = GaussianProcessModel.Create(KernelKind.Rbf, new GaussianProcessHyperparameters([2.0], 1, 1e-4), [[0.0], [0.5], [1.0]], [1.0, -3.0, 2.0], yMean: 0, yScale: 1);

        Assert.Equal(1, DesignRecommender.CalibrationScale(model));
    }
}
