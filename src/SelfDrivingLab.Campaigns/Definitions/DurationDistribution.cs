namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>A step duration: normal with <paramref name="Mean"/> and <paramref name="StandardDeviation"/>, never below a tenth of the mean.</summary>
/// <param name="Mean">Mean duration (positive).</param>
/// <param name="StandardDeviation">Spread (zero or positive).</param>
public sealed record DurationDistribution(TimeSpan Mean, TimeSpan StandardDeviation)
{
    /// <summary>Draws a duration from <paramref name="random"/>.</summary>
    public TimeSpan Sample(Random random)
    {
        // Box–Muller: one standard normal from two uniforms.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        var ticks = Mean.Ticks + (z * StandardDeviation.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(ticks, Mean.Ticks / 10.0));
    }
}
