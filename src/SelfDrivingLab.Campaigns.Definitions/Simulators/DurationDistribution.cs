namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// A step duration. The positional form is the original normal distribution with <paramref name="Mean"/>
/// and <paramref name="StandardDeviation"/>, never below a tenth of the mean; <see cref="LogNormal"/>,
/// <see cref="Uniform"/> and <see cref="Fixed"/> build the other shapes (<see cref="Kind"/>), whose
/// <see cref="Mean"/> and <see cref="StandardDeviation"/> are the distribution's own moments. Immutable.
/// </summary>
/// <param name="Mean">Mean duration (positive).</param>
/// <param name="StandardDeviation">Spread (zero or positive).</param>
public sealed record DurationDistribution(TimeSpan Mean, TimeSpan StandardDeviation)
{
    private static readonly double SqrtTwelve = Math.Sqrt(12);

    /// <summary>The shape (default <see cref="DurationDistributionKind.Normal"/>).</summary>
    public DurationDistributionKind Kind { get; init; } = DurationDistributionKind.Normal;

    /// <summary>Lower bound of a uniform distribution (zero for the other kinds).</summary>
    public TimeSpan Minimum { get; init; }

    /// <summary>Upper bound of a uniform distribution (zero for the other kinds).</summary>
    public TimeSpan Maximum { get; init; }

    /// <summary>The original normal form (same as the constructor).</summary>
    public static DurationDistribution Normal(TimeSpan mean, TimeSpan standardDeviation) => new(mean, standardDeviation);

    /// <summary>A log-normal duration whose own mean and standard deviation are the ones given.</summary>
    public static DurationDistribution LogNormal(TimeSpan mean, TimeSpan standardDeviation) =>
        new(mean, standardDeviation) { Kind = DurationDistributionKind.LogNormal };

    /// <summary>A duration uniform on [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static DurationDistribution Uniform(TimeSpan minimum, TimeSpan maximum) =>
        new((minimum + maximum) / 2, (maximum - minimum) / SqrtTwelve)
        {
            Kind = DurationDistributionKind.Uniform,
            Minimum = minimum,
            Maximum = maximum,
        };

    /// <summary>Always <paramref name="value"/>.</summary>
    public static DurationDistribution Fixed(TimeSpan value) => new(value, TimeSpan.Zero) { Kind = DurationDistributionKind.Fixed };

    /// <summary>Draws a duration from <paramref name="random"/>.</summary>
    public TimeSpan Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (Kind)
        {
            case DurationDistributionKind.Fixed:
                return Mean;
            case DurationDistributionKind.Uniform:
                return Minimum + ((Maximum - Minimum) * random.NextDouble());
            case DurationDistributionKind.LogNormal:
                // Moments of the duration -> parameters of its logarithm: σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
                var ratio = StandardDeviation.Ticks / (double)Mean.Ticks;
                var sigma = Math.Sqrt(Math.Log(1 + (ratio * ratio)));
                var mu = Math.Log(Mean.Ticks) - (sigma * sigma / 2);
                return TimeSpan.FromTicks((long)Math.Exp(mu + (sigma * StandardNormal(random))));
            default:
                var ticks = Mean.Ticks + (StandardNormal(random) * StandardDeviation.Ticks);
                return TimeSpan.FromTicks((long)Math.Max(ticks, Mean.Ticks / 10.0));
        }
    }

    /// <summary>Box–Muller: one standard normal from two uniforms.</summary>
    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
