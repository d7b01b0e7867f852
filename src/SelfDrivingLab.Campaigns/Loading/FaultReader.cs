using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads a simulator's <c>faults</c>: a rate in [0, 1] per fault (<c>reject</c>, <c>fail</c>,
/// <c>hang</c>, <c>disconnect</c>, <c>duplicate</c>, <c>late</c>), adding up to at most 1 because a
/// command gets at most one fault, and <c>late_delay</c> (a duration distribution) when <c>late</c> is set.
/// </summary>
internal static class FaultReader
{
    private static readonly string[] Rates = ["reject", "fail", "hang", "disconnect", "duplicate", "late"];

    /// <summary>The faults (<see cref="FaultDefinition.None"/> when absent), or null when the section has errors.</summary>
    public static FaultDefinition? Read(YamlMap simulator)
    {
        if (!simulator.Has("faults"))
        {
            return FaultDefinition.None;
        }

        if (simulator.Map("faults") is not { } map)
        {
            return null;
        }

        map.CheckKeys([.. Rates, "late_delay"]);
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        var ok = true;
        foreach (var name in Rates)
        {
            var rate = map.Number(name, min: 0, max: 1);
            ok &= rate is not null || !map.Has(name);
            rates[name] = rate ?? 0;
        }

        var lateDelay = map.Has("late_delay") ? DurationReader.Read(map, "late_delay", required: true) : null;
        ok &= lateDelay is not null || !map.Has("late_delay");
        if (rates["late"] > 0 && !map.Has("late_delay"))
        {
            map.Error("late", "a late rate needs 'late_delay', the extra delay of a late result, e.g. late_delay: { mean: 10m, sd: 2m }");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        var total = rates.Values.Sum();
        if (total > 1 + 1e-9)
        {
            simulator.Error("faults", $"fault rates add up to {YamlScalars.Format(total)}; a command gets at most one fault, so they must add up to at most 1");
            return null;
        }

        return new FaultDefinition(rates["reject"], rates["fail"], rates["hang"], rates["disconnect"], rates["duplicate"], rates["late"], lateDelay);
    }
}
