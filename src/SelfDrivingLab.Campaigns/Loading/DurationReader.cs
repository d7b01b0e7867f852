using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads a duration distribution: <c>{ mean, sd }</c> (normal, the original form) or
/// <c>{ distribution: normal|lognormal, mean, sd }</c>, <c>{ distribution: uniform, min, max }</c>,
/// <c>{ distribution: fixed, value }</c>.
/// </summary>
internal static class DurationReader
{
    private const string Normal = "normal";
    private const string LogNormal = "lognormal";
    private const string Uniform = "uniform";
    private const string Fixed = "fixed";

    private static readonly (string Name, DurationDistributionKind Kind)[] Kinds =
    [
        (Normal, DurationDistributionKind.Normal),
        (LogNormal, DurationDistributionKind.LogNormal),
        (Uniform, DurationDistributionKind.Uniform),
        (Fixed, DurationDistributionKind.Fixed),
    ];

    /// <summary>The distribution under <paramref name="key"/> of <paramref name="parent"/>, or null when missing or wrong (errors recorded).</summary>
    public static DurationDistribution? Read(YamlMap parent, string key, bool required)
    {
        if (parent.Map(key, required) is not { } map)
        {
            return null;
        }

        var kind = map.Has("distribution") ? map.Choice("distribution", "duration distribution", Kinds) : DurationDistributionKind.Normal;
        switch (kind)
        {
            case DurationDistributionKind.Normal or DurationDistributionKind.LogNormal:
                map.CheckKeys("distribution", "mean", "sd");
                var mean = map.Duration("mean", required: true);
                var sd = map.Duration("sd", allowZero: true);
                if (mean is null || (sd is null && map.Has("sd")))
                {
                    return null;
                }

                return kind == DurationDistributionKind.Normal
                    ? DurationDistribution.Normal(mean.Value, sd ?? TimeSpan.Zero)
                    : DurationDistribution.LogNormal(mean.Value, sd ?? TimeSpan.Zero);
            case DurationDistributionKind.Uniform:
                map.CheckKeys("distribution", "min", "max");
                var min = map.Duration("min", required: true, allowZero: true);
                var max = map.Duration("max", required: true);
                if (min is null || max is null)
                {
                    return null;
                }

                if (max < min)
                {
                    map.Error("max", $"must be at least min ({map.String("min")}) (got {map.String("max")})");
                    return null;
                }

                return DurationDistribution.Uniform(min.Value, max.Value);
            case DurationDistributionKind.Fixed:
                map.CheckKeys("distribution", "value");
                return map.Duration("value", required: true) is { } value ? DurationDistribution.Fixed(value) : null;
            default:
                // Unknown distribution name: already reported by Choice.
                return null;
        }
    }
}
