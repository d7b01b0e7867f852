using SelfDrivingLab.Optimization.Acquisition;

namespace SelfDrivingLab.Optimization.Tests.Acquisition;

public sealed class ExpectedHypervolumeImprovementTests
{
    private static double H(double z) => (z * StandardNormal.Cdf(z)) + StandardNormal.Pdf(z);

    [Fact]
    public void Evaluate_OnePointFront_MatchesTheClosedForm()
    {
        // Front {p} above r: HVI(y) = (y1-r1)⁺(y2-r2)⁺ - (min(y1,p1)-r1)⁺(min(y2,p2)-r2)⁺, and by independence
        // EHVI = σ1h(a1)·σ2h(a2) - σ1(h(a1)-h(b1))·σ2(h(a2)-h(b2)), a = (μ-r)/σ, b = (μ-p)/σ.
        double[] p = [2, 1.5];
        double[] r = [0, 0.5];
        double[] mu = [1.2, 1.9];
        double[] sigma = [0.7, 0.4];
        var ehvi = new ExpectedHypervolumeImprovement([p], r);
        double Tail(int j, double at) => sigma[j] * H((mu[j] - at) / sigma[j]);
        var expected = (Tail(0, r[0]) * Tail(1, r[1])) - ((Tail(0, r[0]) - Tail(0, p[0])) * (Tail(1, r[1]) - Tail(1, p[1])));

        Assert.Equal(expected, ehvi.Evaluate(mu, sigma), 12);
    }

    [Theory]
    [InlineData(2, 21)]
    [InlineData(3, 22)]
    public void Evaluate_RandomFront_AgreesWithMonteCarlo(int m, int seed)
    {
        var random = new Random(seed);
        var front = Enumerable.Range(0, 6).Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, m).Select(_ => random.NextDouble() * 2).ToArray()).ToArray();
        var reference = new double[m];
        var ehvi = new ExpectedHypervolumeImprovement(front, reference);
        var mu = Enumerable.Range(0, m).Select(_ => 0.8 + random.NextDouble()).ToArray();
        var sigma = Enumerable.Range(0, m).Select(_ => 0.2 + (0.5 * random.NextDouble())).ToArray();

        const int samples = 200_000;
        double sum = 0, sumSquares = 0;
        var y = new double[m];
        for (var s = 0; s < samples; s++)
        {
            for (var j = 0; j < m; j++)
            {
                y[j] = mu[j] + (sigma[j] * Normal(random));
            }

            var improvement = ehvi.Improvement(y);
            sum += improvement;
            sumSquares += improvement * improvement;
        }

        var mean = sum / samples;
        var standardError = Math.Sqrt(((sumSquares / samples) - (mean * mean)) / samples);
        var exact = ehvi.Evaluate(mu, sigma);
        Assert.True(Math.Abs(exact - mean) < 4 * standardError, $"exact {exact}, Monte Carlo {mean} ± {standardError}");
    }

    [Fact]
    public void Evaluate_CertainPoint_IsItsImprovement()
    {
        IReadOnlyList<double>[] front = [[1, 3], [2, 2], [3, 1]];
        var ehvi = new ExpectedHypervolumeImprovement(front, [0, 0]);

        // [0, 2.5]² less what the staircase dominates: (2 - 1)·(2.5 - 2) + (2.5 - 2)·(2.5 - 1).
        Assert.Equal(1.25, ehvi.Evaluate([2.5, 2.5], [0, 0]), 12);
        Assert.Equal(double.NegativeInfinity, ehvi.LogEvaluate([1.5, 1.5], [0, 0]));
    }

    [Fact]
    public void LogEvaluate_FarBelowTheFront_StaysFiniteAndOrdered()
    {
        IReadOnlyList<double>[] front = [[1, 3], [2, 2], [3, 1]];
        var ehvi = new ExpectedHypervolumeImprovement(front, [0, 0]);

        var far = ehvi.LogEvaluate([-40, -40], [1, 1]);
        var farther = ehvi.LogEvaluate([-60, -60], [1, 1]);

        Assert.Equal(0, ehvi.Evaluate([-40, -40], [1, 1]));
        Assert.True(double.IsFinite(far) && double.IsFinite(farther) && far > farther, $"{far}, {farther}");
    }

    [Fact]
    public void Evaluate_EmptyFront_IsTheExpectedVolumeAboveTheReference()
    {
        var ehvi = new ExpectedHypervolumeImprovement([], [0, 0]);

        Assert.Equal(H(1) * 2 * H(0.5), ehvi.Evaluate([1, 1], [1, 2]), 12);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
