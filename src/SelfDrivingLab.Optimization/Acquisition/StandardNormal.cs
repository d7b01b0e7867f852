using MathNet.Numerics;

namespace SelfDrivingLab.Optimization.Acquisition;

/// <summary>The standard normal distribution, accurate in the far tails (relative, not only absolute, precision).</summary>
public static class StandardNormal
{
    private const double InverseSqrtTwoPi = 0.39894228040143267794;
    private const double LogSqrtTwoPi = 0.91893853320467274178;

    /// <summary>Density φ(z).</summary>
    public static double Pdf(double z) => InverseSqrtTwoPi * Math.Exp(-0.5 * z * z);

    /// <summary>log φ(z).</summary>
    public static double LogPdf(double z) => (-0.5 * z * z) - LogSqrtTwoPi;

    /// <summary>Distribution function Φ(z) = erfc(-z/√2)/2, which keeps full relative precision for negative z.</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>log Φ(z), finite for every finite z (asymptotic series below z = -20, where Φ would underflow).</summary>
    public static double LogCdf(double z)
    {
        if (z > -20)
        {
            return Math.Log(Cdf(z));
        }

        // Φ(z) = φ(z)/|z| · (1 - 1/z² + 3/z⁴ - 15/z⁶ + ...) for z → -∞.
        var inverseSquare = 1 / (z * z);
        var series = 1.0;
        var term = 1.0;
        for (var k = 1; k <= 8; k++)
        {
            term *= -(2 * k - 1) * inverseSquare;
            series += term;
        }

        return LogPdf(z) - Math.Log(-z) + Math.Log(series);
    }

    /// <summary>
    /// log h(z) with h(z) = z·Φ(z) + φ(z) = E[max(Z + z, 0)], the standardized expected improvement. Finite for every
    /// finite z; for z below -12 it uses the asymptotic series h(z) = φ(z)/z² · (1 - 3/z² + 15/z⁴ - ...), where the
    /// direct form would lose all digits to cancellation.
    /// </summary>
    public static double LogExpectedImprovementFactor(double z)
    {
        if (z >= -12)
        {
            return Math.Log((z * Cdf(z)) + Pdf(z));
        }

        var inverseSquare = 1 / (z * z);
        var series = 1.0;
        var term = 1.0;
        for (var k = 1; k <= 10; k++)
        {
            term *= -(2 * k + 1) * inverseSquare;
            series += term;
        }

        return LogPdf(z) + Math.Log(inverseSquare) + Math.Log(series);
    }
}
