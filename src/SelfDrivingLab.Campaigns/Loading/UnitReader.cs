namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>Reads the <c>unit:</c> of each space parameter (integer or continuous) and each objective, by name.</summary>
internal static class UnitReader
{
    public static IReadOnlyDictionary<string, string> Read(YamlMap root)
    {
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (node, path) in root.List("space") ?? [])
        {
            Add(units, node, path, root, "name");
        }

        foreach (var (node, path) in root.List("objectives") ?? [])
        {
            Add(units, node, path, root, "output");
        }

        if (root.Get("objective") is { } single)
        {
            Add(units, single, root.PathOf("objective"), root, "output");
        }

        return units;
    }

    // Problems with the items themselves are reported by their own readers: here an item that is not a map, or has no
    // name, simply has no unit.
    private static void Add(Dictionary<string, string> units, YamlDotNet.RepresentationModel.YamlNode node, string path, YamlMap root, string nameKey)
    {
        if (node is not YamlDotNet.RepresentationModel.YamlMappingNode mapping)
        {
            return;
        }

        var map = new YamlMap(mapping, path, new ErrorList());
        if (map.String(nameKey) is { } name && map.Has("unit"))
        {
            if (map.String("unit") is { Length: > 0 and <= 32 } unit && !unit.Any(char.IsControl))
            {
                units[name] = unit;
            }
            else
            {
                root.Errors.Add(map.PathOf("unit"), "a unit is a short text of 1 to 32 printable characters, e.g. unit: mm", map.Get("unit"));
            }
        }
    }
}
