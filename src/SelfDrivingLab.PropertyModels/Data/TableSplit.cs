using System.Text;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.PropertyModels.Data;

/// <summary>What keeps two halves of a table apart: the composition itself, or its chemical system (its set of elements).</summary>
public enum SplitKey
{
    /// <summary>Rows of one composition (however its formula is written: Fe2O3, O3Fe2 and Fe4O6 are one) land in the same half.</summary>
    Formula,

    /// <summary>Rows of one chemical system (e.g. every Li–Fe–O composition) land in the same half: no system is in both.</summary>
    System,
}

/// <summary>
/// Splits compositions into two disjoint halves by a seeded hash of their key (FNV-1a, stable across runs and
/// platforms), so a model trained on one half can be tested on compositions — or chemical systems — it never saw.
/// Thread-safe (stateless).
/// </summary>
public static class TableSplit
{
    /// <summary>The key of <paramref name="composition"/> under <paramref name="by"/>.</summary>
    public static string KeyOf(Composition composition, SplitKey by)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var elements = composition.Elements.Order(StringComparer.Ordinal);
        return by == SplitKey.System
            ? string.Join('-', elements)
            : string.Concat(elements.Select(e => e + composition.Fractions[e].ToString("G6", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>True when <paramref name="composition"/> belongs to the first half for <paramref name="seed"/>.</summary>
    public static bool InFirstHalf(Composition composition, SplitKey by, int seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes($"{seed}\u001f{KeyOf(composition, by)}"))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        // Fold the high bits in: FNV-1a's lowest bit alone is a poor coin.
        return ((hash ^ (hash >> 33)) & 1) == 0;
    }
}
