using SelfDrivingLab.Optimization.Feasibility;

namespace SelfDrivingLab.Optimization.Tests.Feasibility;

public sealed class FeasibilityClassifierTests
{
    private static double Logistic(double f) => 1 / (1 + Math.Exp(-f));

    [Fact]
    public void ProbabilityOfSuccess_FailuresAboveThreshold_LearnsTheRegion()
    {
        // Experiments fail for x > 0.6.
        var successes = Enumerable.Range(0, 12).Select(i => new[] { i * 0.05 }).ToArray();
        var failures = Enumerable.Range(0, 8).Select(i => new[] { 0.65 + (i * 0.05) }).ToArray();

        var classifier = FeasibilityClassifier.Fit(successes, failures);

        Assert.True(classifier.ProbabilityOfSuccess([0.2]) > 0.8, $"p(0.2) = {classifier.ProbabilityOfSuccess([0.2])}");
        Assert.True(classifier.ProbabilityOfSuccess([0.95]) < 0.2, $"p(0.95) = {classifier.ProbabilityOfSuccess([0.95])}");
        Assert.True(classifier.ProbabilityOfSuccess([0.3]) > classifier.ProbabilityOfSuccess([0.7]));
    }

    [Fact]
    public void ProbabilityOfSuccess_IsolatedSuccess_MatchesOnePointLaplaceClosedForm()
    {
        // One success at 0 and one failure at 1, practically uncorrelated (k ≈ 2e-4·s²): at the success the Laplace
        // mode solves f = s²(1 - σ(f)); the latent variance is s²/(1 + s²W) with W = σ(f)(1 - σ(f)).
        const double s2 = 4;
        double f = 0;
        for (var i = 0; i < 100; i++)
        {
            f -= (f - (s2 * (1 - Logistic(f)))) / (1 + (s2 * Logistic(f) * (1 - Logistic(f))));
        }

        var w = Logistic(f) * (1 - Logistic(f));
        var variance = s2 / (1 + (s2 * w));
        var expected = Logistic(f / Math.Sqrt(1 + (Math.PI * variance / 8)));

        var classifier = FeasibilityClassifier.Fit([[0.0]], [[1.0]]);

        Assert.Equal(expected, classifier.ProbabilityOfSuccess([0.0]), 2e-3);
        Assert.Equal(1 - expected, classifier.ProbabilityOfSuccess([1.0]), 2e-3);
    }

    [Fact]
    public void ProbabilitiesOfSuccess_ManyPointsAcrossChunksAndCores_EqualPointByPointProbabilities()
    {
        var random = new Random(8);
        var successes = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble() * 0.6, random.NextDouble() }).ToArray();
        var failures = Enumerable.Range(0, 12).Select(_ => new[] { 0.6 + (random.NextDouble() * 0.4), random.NextDouble() }).ToArray();
        var classifier = FeasibilityClassifier.Fit(successes, failures);
        var points = Enumerable.Range(0, 700).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var batch = new double[points.Length];

        classifier.ProbabilitiesOfSuccess(points, batch);

        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(classifier.ProbabilityOfSuccess(points[i]), batch[i], 12);
        }

        Assert.True(batch.Min() < 0.3 && batch.Max() > 0.7, "the classifier separates the two regions");
    }

    [Fact]
    public void Fit_WarmStartFromFitToFewerPoints_EqualsColdFit()
    {
        // The warm start (the earlier fit's mode, its posterior mean at new points) must reach the cold start's mode.
        var random = new Random(3);
        var successes = Enumerable.Range(0, 60).Select(_ => new[] { random.NextDouble() * 0.7, random.NextDouble(), random.NextDouble() }).ToArray();
        var failures = Enumerable.Range(0, 6).Select(_ => new[] { 0.7 + (random.NextDouble() * 0.3), random.NextDouble(), random.NextDouble() }).ToArray();
        var earlier = FeasibilityClassifier.Fit(successes[..50], failures[..5]);
        var points = Enumerable.Range(0, 300).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var cold = new double[points.Length];
        var warm = new double[points.Length];

        FeasibilityClassifier.Fit(successes, failures).ProbabilitiesOfSuccess(points, cold);
        FeasibilityClassifier.Fit(successes, failures, earlier).ProbabilitiesOfSuccess(points, warm);

        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(cold[i], warm[i], 1e-8);
        }
    }

    [Fact]
    public void Fit_NoFailures_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => FeasibilityClassifier.Fit([[0.1]], []));
    }
}
