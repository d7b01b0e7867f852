using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

public sealed class PredictiveCalibrationTests
{
    [Fact]
    public void ConformalScale_ResidualsWiderThanPredicted_WidensToTheirConformalQuantile()
    {
        // 20 points of a rough function fitted with a deliberately smooth, nearly noise-free model: overconfident.
        var x = Enumerable.Range(0, 20).Select(i => new[] { i / 19.0, (i * 7 % 20) / 19.0 }).ToArray();
        var y = x.Select(p => Math.Sin(17 * p[0]) + Math.Cos(13 * p[1])).ToArray();
        var model = GaussianProcessModel.Create(KernelKind.Rbf, new GaussianProcessHyperparameters([2.0, 2.0], 1, 1e-4), x, y, yMean: 0, yScale: 1);
        var residuals = model.LeaveOneOutResiduals();

        var scale = PredictiveCalibration.ConformalScale(residuals);

        // The ⌈0.9·21⌉ = 19th smallest |z| over Φ⁻¹(0.95).
        var sorted = residuals.Select(Math.Abs).Order().ToArray();
        Assert.Equal(sorted[18] / 1.6448536269514722, scale, 12);
        Assert.True(scale > 1);
    }

    [Fact]
    public void ConformalScale_ResidualsNarrowerThanPredicted_NeverNarrows()
    {
        double[] residuals = [0.1, -0.2, 0.3, 0.05, -0.4, 0.2, 0.1, -0.1, 0.3, 0.2];

        Assert.Equal(1, PredictiveCalibration.ConformalScale(residuals));
    }

    [Fact]
    public void ConformalScale_FewerThanNineResiduals_IsOne()
    {
        Assert.Equal(1, PredictiveCalibration.ConformalScale([5.0, -7.0, 9.0]));
    }

    [Fact]
    public void CrossValidatedResiduals_EqualRefittingWithoutEachFold()
    {
        var x = Enumerable.Range(0, 15).Select(i => new[] { i / 14.0, (i * 4 % 15) / 14.0 }).ToArray();
        var y = x.Select(p => Math.Sin(6 * p[0]) + (0.5 * p[1])).ToArray();
        var fitter = new SurrogateFitter(ProposerSettings.Default(dimensions: 2, seed: 3));

        var residuals = PredictiveCalibration.CrossValidatedResiduals(fitter, x, y, seed: 11, CancellationToken.None);

        // The same seeded order as the calibration: fold f holds the positions p with p mod 5 = f.
        var order = Enumerable.Range(0, y.Length).ToArray();
        new Random(11).Shuffle(order);
        for (var fold = 0; fold < PredictiveCalibration.Folds; fold++)
        {
            var test = order.Where((_, p) => p % PredictiveCalibration.Folds == fold).ToArray();
            var training = order.Where((_, p) => p % PredictiveCalibration.Folds != fold).ToArray();
            var (_, model) = fitter.Fit([.. training.Select(i => x[i])], [.. training.Select(i => y[i])], CancellationToken.None);
            foreach (var i in test)
            {
                var (mean, variance) = (new double[1], new double[1]);
                model.Predict([x[i]], mean, variance);
                Assert.Equal((y[i] - mean[0]) / Math.Sqrt(variance[0] + model.NoiseVariance), residuals[i], 10);
            }
        }
    }

    [Fact]
    public void Scale_ModelOtherThanGaussianProcess_IsOne()
    {
        var x = Enumerable.Range(0, 12).Select(i => new[] { i / 11.0 }).ToArray();
        var y = x.Select(p => 3 * p[0]).ToArray();
        var fitter = new SurrogateFitter(ProposerSettings.Default(dimensions: 1, seed: 1) with { Surrogate = SurrogateKind.BayesianRidge });
        var (_, model) = fitter.Fit(x, y, CancellationToken.None);

        Assert.Equal(1, PredictiveCalibration.Scale(fitter, model, x, y, seed: 1, CancellationToken.None));
    }
}
