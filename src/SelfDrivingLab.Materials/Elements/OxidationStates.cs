using System.Collections.Frozen;
using System.Globalization;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Elements;

/// <summary>
/// The common oxidation states of the elements (pymatgen's "Common oxidation states", MIT licence; see
/// <c>Data/oxidation_states.txt</c> and <c>Data/LICENSE-pymatgen.txt</c>) and the charge-neutrality test built on them.
/// Noble gases other than Kr, Xe and Rn have no common state, so no composition containing them is neutral. Immutable
/// and thread-safe.
/// </summary>
public sealed class OxidationStates
{
    private static readonly Lazy<OxidationStates> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, int[]> _states;

    internal OxidationStates(IReadOnlyDictionary<string, int[]> states) => _states = states.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The table shipped with the library (loaded once, on first use).</summary>
    public static OxidationStates Default => Shared.Value;

    /// <summary>The common oxidation states of <paramref name="symbol"/> (empty when it has none).</summary>
    public IReadOnlyList<int> Of(string symbol) => _states.TryGetValue(symbol, out var states) ? states : [];

    /// <summary>
    /// True when some assignment of one common oxidation state per element makes Σ amountᵢ·stateᵢ = 0 (within 1e-6 of
    /// the total amount, as matminer's <c>np.isclose</c> on amounts) — matminer's IonProperty "compound possible".
    /// </summary>
    public bool CanBeChargeNeutral(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var elements = composition.Elements;
        var amounts = new double[elements.Count];
        var states = new int[elements.Count][];
        for (var i = 0; i < elements.Count; i++)
        {
            amounts[i] = composition.Amounts[elements[i]];
            states[i] = _states.TryGetValue(elements[i], out var known) ? known : [];
            if (states[i].Length == 0)
            {
                return false;
            }
        }

        return Search(0, 0.0);

        bool Search(int index, double charge)
        {
            if (index == amounts.Length)
            {
                return Math.Abs(charge) <= 1e-6 * Math.Max(1, composition.TotalAmount);
            }

            foreach (var state in states[index])
            {
                if (Search(index + 1, charge + (amounts[index] * state)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal static OxidationStates Parse(IEnumerable<string> lines)
    {
        var states = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            states[parts[0]] = [.. parts.Skip(1).Select(p => int.Parse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))];
        }

        return new OxidationStates(states);
    }

    private static OxidationStates Load() => Parse(ElementTable.ReadLines("oxidation_states.txt"));
}
