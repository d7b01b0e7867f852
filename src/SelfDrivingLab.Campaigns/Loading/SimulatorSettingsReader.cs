using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>Reads the keys only one simulator type has: a liquid handler's stocks, a furnace's limits, an XRD's crystallinity.</summary>
internal static class SimulatorSettingsReader
{
    public static readonly string[] LiquidHandlerKeys = ["stocks", "capacity_ul", "max_volume_ul"];
    public static readonly string[] FurnaceKeys = ["temperature_c", "duration_min", "atmospheres", "ramp_c_per_min"];
    public static readonly string[] XrdKeys = ["crystallinity"];

    /// <summary>The keys <paramref name="type"/> adds to the common ones (every type's keys when the type is unknown).</summary>
    public static IEnumerable<string> KeysOf(string? type) => type switch
    {
        SimulatorReader.LiquidHandler => LiquidHandlerKeys,
        SimulatorReader.Furnace => FurnaceKeys,
        SimulatorReader.Xrd => XrdKeys,
        null => [.. LiquidHandlerKeys, .. FurnaceKeys, .. XrdKeys],
        _ => [],
    };

    /// <summary>The settings of <paramref name="type"/>; <c>ok</c> is false when they have errors.</summary>
    public static (SimulatorSettings? Settings, bool Ok) Read(YamlMap map, string? type, string baseDirectory) => type switch
    {
        SimulatorReader.LiquidHandler => ReadLiquidHandler(map),
        SimulatorReader.Furnace => ReadFurnace(map),
        SimulatorReader.Xrd => ReadXrd(map, baseDirectory),
        _ => (null, true),
    };

    private static (SimulatorSettings?, bool) ReadLiquidHandler(YamlMap map)
    {
        var stocks = map.StringList("stocks", required: true);
        if (stocks is not null)
        {
            foreach (var stock in stocks.Where(s => !IsStockName(s)))
            {
                map.Error("stocks", $"'{stock}' is not a valid stock name; use letters, digits and '_' (it becomes the parameter '{stock}_ul')");
                stocks = null;
            }

            if (stocks is { Count: 0 })
            {
                map.Error("stocks", "needs at least one stock solution");
                stocks = null;
            }
            else if (stocks?.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                map.Error("stocks", $"stock '{repeated.Key}' is listed twice");
                stocks = null;
            }
        }

        var capacity = Positive(map, "capacity_ul", required: true);
        var maxVolume = Positive(map, "max_volume_ul", required: false);
        if (capacity is not null && maxVolume > capacity)
        {
            map.Error("max_volume_ul", $"must be at most capacity_ul ({YamlScalars.Format(capacity.Value)}) (got {YamlScalars.Format(maxVolume.Value)})");
            return (null, false);
        }

        var ok = stocks is not null && capacity is not null && (maxVolume is not null || !map.Has("max_volume_ul"));
        return ok ? (new LiquidHandlerSettings(stocks!, capacity!.Value, maxVolume ?? capacity!.Value), true) : (null, false);
    }

    private static (SimulatorSettings?, bool) ReadFurnace(YamlMap map)
    {
        var defaults = FurnaceSettings.Default;
        var (minT, maxT, temperatureOk) = ReadRange(map, "temperature_c", defaults.MinTemperatureC, defaults.MaxTemperatureC, lowest: -273.15);
        var (minD, maxD, durationOk) = ReadRange(map, "duration_min", defaults.MinDurationMinutes, defaults.MaxDurationMinutes, lowest: 0);
        var atmospheres = map.StringList("atmospheres") ?? (map.Has("atmospheres") ? null : defaults.Atmospheres);
        if (atmospheres is { Count: 0 })
        {
            map.Error("atmospheres", "needs at least one atmosphere, e.g. [air, argon]");
            atmospheres = null;
        }

        var ramp = Positive(map, "ramp_c_per_min", required: false);
        var ok = temperatureOk && durationOk && atmospheres is not null && (ramp is not null || !map.Has("ramp_c_per_min"));
        return ok
            ? (new FurnaceSettings(minT, maxT, minD, maxD, atmospheres!, ramp ?? defaults.RampCelsiusPerMinute), true)
            : (null, false);
    }

    private static (SimulatorSettings?, bool) ReadXrd(YamlMap map, string baseDirectory)
    {
        if (map.Map("crystallinity", required: true) is not { } section)
        {
            return (null, false);
        }

        return GroundTruthReader.Read(section, baseDirectory) is { } crystallinity ? (new XrdSettings(crystallinity), true) : (null, false);
    }

    /// <summary>A <c>{ min, max }</c> range, each defaulting; max must be above min.</summary>
    private static (double Min, double Max, bool Ok) ReadRange(YamlMap map, string key, double defaultMin, double defaultMax, double lowest)
    {
        if (!map.Has(key))
        {
            return (defaultMin, defaultMax, true);
        }

        if (map.Map(key) is not { } range)
        {
            return (0, 0, false);
        }

        range.CheckKeys("min", "max");
        var min = range.Number("min", min: lowest);
        var max = range.Number("max", min: lowest);
        if ((min is null && range.Has("min")) || (max is null && range.Has("max")))
        {
            return (0, 0, false);
        }

        var (low, high) = (min ?? defaultMin, max ?? defaultMax);
        if (high <= low)
        {
            range.Error(range.Has("max") ? "max" : "min", $"max ({YamlScalars.Format(high)}) must be above min ({YamlScalars.Format(low)})");
            return (0, 0, false);
        }

        return (low, high, true);
    }

    private static double? Positive(YamlMap map, string key, bool required)
    {
        var value = map.Number(key, required, min: 0);
        if (value is 0)
        {
            map.Error(key, "must be above 0 (got 0)");
            return null;
        }

        return value;
    }

    private static bool IsStockName(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
