namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The differences between two lists of facts, in the stored list's order, then the new ones. A group wholly added or
/// removed (every fact of <c>space.w</c>, or of <c>workflow[2]</c>) is one change, not one per fact.
/// </summary>
internal static class IdentityDiff
{
    public static IReadOnlyList<DefinitionChange> Changes(IReadOnlyList<KeyValuePair<string, string>> before, IReadOnlyList<KeyValuePair<string, string>> after)
    {
        var old = before.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var now = after.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var changes = new List<DefinitionChange>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, value) in before)
        {
            if (!now.TryGetValue(path, out var current))
            {
                AddWhole(path, before, now, removed: true, changes, reported, value);
            }
            else if (!string.Equals(value, current, StringComparison.Ordinal))
            {
                changes.Add(new DefinitionChange(path, value, current));
            }
        }

        foreach (var (path, value) in after.Where(f => !old.ContainsKey(f.Key)))
        {
            AddWhole(path, after, old, removed: false, changes, reported, value);
        }

        return changes;
    }

    /// <summary>Reports <paramref name="path"/>, or its whole group once when no fact of the group is on the other side.</summary>
    private static void AddWhole(
        string path,
        IReadOnlyList<KeyValuePair<string, string>> side,
        Dictionary<string, string> other,
        bool removed,
        List<DefinitionChange> changes,
        HashSet<string> reported,
        string value)
    {
        var group = Group(path);
        if (group is not null && !other.Keys.Any(k => Group(k) == group))
        {
            if (reported.Add(group))
            {
                var count = side.Count(f => Group(f.Key) == group);
                var single = count == 1 ? value : string.Empty;
                changes.Add(removed ? new DefinitionChange(group, single, null) : new DefinitionChange(group, null, single));
            }

            return;
        }

        changes.Add(removed ? new DefinitionChange(path, value, null) : new DefinitionChange(path, null, value));
    }

    /// <summary>
    /// The entity <paramref name="path"/> belongs to: a list item (<c>workflow[2]</c> of <c>workflow[2].parameters.x</c>) or
    /// a named member (<c>space.w</c> of <c>space.w.low</c>); null for a plain setting (<c>objective.goal</c>).
    /// </summary>
    private static string? Group(string path)
    {
        var parts = path.Split('.');
        return parts[0].Contains('[', StringComparison.Ordinal) && parts.Length > 1 ? parts[0]
            : parts.Length >= 3 ? $"{parts[0]}.{parts[1]}"
            : null;
    }
}
