using SelfDrivingLab.Optimization.Acquisition;

namespace SelfDrivingLab.Optimization.Tests.Acquisition;

public sealed class StandardNormalTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.25, 0.5987063256829237)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-5.0, 2.866515718791939e-07)]
    [InlineData(-10.0, 7.619853024160527e-24)]
    public void Cdf_TabulatedValues_MatchToRelativePrecision(double z, double expected)
    {
        Assert.Equal(1, StandardNormal.Cdf(z) / expected, 12);
    }

    [Fact]
    public void Pdf_AtQuarter_MatchesTabulatedValue()
    {
        Assert.Equal(0.3866681168028493, StandardNormal.Pdf(0.25), 15);
    }

    [Theory]
    [InlineData(-19.99)]
    [InlineData(-25)]
    [InlineData(-37)]
    public void LogCdf_FarTail_AgreesWithDirectLogWhileRepresentable(double z)
    {
        Assert.Equal(Math.Log(StandardNormal.Cdf(z)), StandardNormal.LogCdf(z), 9);
    }

    [Fact]
    public void LogCdf_BeyondUnderflow_IsFiniteAndDecreasing()
    {
        var a = StandardNormal.LogCdf(-100);
        var b = StandardNormal.LogCdf(-200);

        Assert.True(double.IsFinite(b));
        Assert.True(b < a);
        Assert.Equal(-5000 - 0.9189385332046727 - Math.Log(100) + Math.Log(1 - 1e-4 + 3e-8), a, 6);
    }

    [Theory]
    [InlineData(-12.0)]
    [InlineData(-11.999)]
    [InlineData(-12.001)]
    public void LogExpectedImprovementFactor_AtSeriesSwitch_IsContinuous(double z)
    {
        // h(z) = zΦ(z) + φ(z) computed directly keeps ~z²·ε relative accuracy here, enough to check the series branch.
        var direct = Math.Log((z * StandardNormal.Cdf(z)) + StandardNormal.Pdf(z));

        Assert.Equal(direct, StandardNormal.LogExpectedImprovementFactor(z), 8);
    }

    [Theory]
    [InlineData(-15.0)]
    [InlineData(-30.0)]
    [InlineData(-60.0)]
    public void LogExpectedImprovementFactor_VeryNegativeZ_MatchesNumericalIntegral(double z)
    {
        // h(z) = ∫₀^∞ u φ(u + z... ) = φ(z) ∫₀^∞ u e^(zu - u²/2) du; integrate the ratio with Simpson's rule.
        var scale = 1 / -z;
        const int intervals = 20000;
        var upper = 60 * scale;
        var width = upper / intervals;
        var sum = 0.0;
        for (var i = 0; i <= intervals; i++)
        {
            var u = i * width;
            var f = u * Math.Exp((z * u) - (u * u / 2));
            sum += f * (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2);
        }

        var expected = StandardNormal.LogPdf(z) + Math.Log(sum * width / 3);

        Assert.Equal(expected, StandardNormal.LogExpectedImprovementFactor(z), 9);
    }
}
