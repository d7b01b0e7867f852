namespace SelfDrivingLab.Simulators;

/// <summary>Standard normal draws from a caller-owned <see cref="Random"/>.</summary>
internal static class Gaussian
{
    /// <summary>Box–Muller: one standard normal from two uniforms.</summary>
    public static double Sample(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Adds N(0, sd²) noise; draws nothing when <paramref name="standardDeviation"/> is zero, so noise-free runs stay aligned.</summary>
    public static double AddNoise(double value, double standardDeviation, Random random) =>
        standardDeviation > 0 ? value + (standardDeviation * Sample(random)) : value;
}
