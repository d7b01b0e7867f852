using SelfDrivingLab.Optimization.Acquisition;

namespace SelfDrivingLab.Optimization.Tests.Acquisition;

public sealed class AcquisitionFunctionTests
{
    private const double Phi025 = 0.5987063256829237; // Φ(0.25)
    private const double Pdf025 = 0.3866681168028493; // φ(0.25)

    [Fact]
    public void ExpectedImprovement_HandPickedValues_MatchesClosedForm()
    {
        // μ = 1, σ = 2, best = 0.5: z = 0.25, EI = (μ - best)Φ(z) + σφ(z).
        var expected = (0.5 * Phi025) + (2 * Pdf025);

        Assert.Equal(expected, new ExpectedImprovement().Evaluate(1, 2, 0.5), 14);
        Assert.Equal(Math.Log(expected), new ExpectedImprovement().RankingValue(1, 2, 0.5), 13);
    }

    [Fact]
    public void ExpectedImprovement_WithXi_ShiftsTheIncumbent()
    {
        Assert.Equal(new ExpectedImprovement().Evaluate(1, 2, 0.6), new ExpectedImprovement(0.1).Evaluate(1, 2, 0.5), 14);
    }

    [Theory]
    [InlineData(3.0, 1.0, 2.0)]
    [InlineData(0.5, 1.0, 0.0)]
    [InlineData(1.0, 1.0, 0.0)]
    public void ExpectedImprovement_ZeroStandardDeviation_IsPlainImprovement(double mean, double best, double expected)
    {
        Assert.Equal(expected, new ExpectedImprovement().Evaluate(mean, 0, best));
        Assert.Equal(expected, new ExpectedImprovement().Evaluate(mean, 1e-320, best));
    }

    [Fact]
    public void ExpectedImprovement_VeryNegativeZ_IsTinyPositiveAndOrdered()
    {
        var ei = new ExpectedImprovement();

        var at20 = ei.Evaluate(-20, 1, 0);
        var at30 = ei.Evaluate(-30, 1, 0);

        Assert.True(at20 > 0 && at30 > 0 && at30 < at20);
        // Leading asymptotic term φ(z)/z² within the series' next correction (3/z²).
        Assert.Equal(1, at20 / (StandardNormal.Pdf(20) / 400), 1);
        Assert.True(ei.RankingValue(-200, 1, 0) < ei.RankingValue(-100, 1, 0));
        Assert.True(double.IsFinite(ei.RankingValue(-1000, 1, 0)));
    }

    [Fact]
    public void UpperConfidenceBound_IsMeanPlusBetaSd()
    {
        Assert.Equal(5, new UpperConfidenceBound(2).Evaluate(1, 2, 100));
        Assert.Equal(1, new UpperConfidenceBound(2).Evaluate(1, 0, 100));
    }

    [Fact]
    public void ProbabilityOfImprovement_HandPickedValues_MatchesClosedForm()
    {
        Assert.Equal(Phi025, new ProbabilityOfImprovement().Evaluate(1, 2, 0.5), 14);
        Assert.Equal(Phi025, new ProbabilityOfImprovement(0.1).Evaluate(1.1, 2, 0.5), 14);
        Assert.Equal(1, new ProbabilityOfImprovement().Evaluate(2, 0, 1));
        Assert.Equal(0, new ProbabilityOfImprovement().Evaluate(1, 0, 1));
    }

    [Fact]
    public void ProbabilityOfImprovement_VeryNegativeZ_RanksBeyondUnderflow()
    {
        var pi = new ProbabilityOfImprovement();

        Assert.True(pi.RankingValue(-60, 1, 0) > pi.RankingValue(-70, 1, 0));
        Assert.True(double.IsFinite(pi.RankingValue(-70, 1, 0)));
    }

    [Fact]
    public void Constructors_NegativeParameters_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpectedImprovement(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProbabilityOfImprovement(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UpperConfidenceBound(-0.1));
    }
}
