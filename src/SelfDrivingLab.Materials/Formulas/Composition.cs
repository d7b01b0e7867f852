using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace SelfDrivingLab.Materials.Formulas;

/// <summary>
/// The elements of a formula with their amounts (as written, multiplied out through groups) and their atomic fractions
/// (amounts normalized to sum 1). Elements keep the order of their first appearance. Immutable and thread-safe.
/// </summary>
public sealed class Composition
{
    internal Composition(IReadOnlyList<KeyValuePair<string, double>> amounts)
    {
        var total = amounts.Sum(pair => pair.Value);
        Elements = amounts.Select(pair => pair.Key).ToArray().AsReadOnly();
        Amounts = new ReadOnlyDictionary<string, double>(amounts.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
        Fractions = new ReadOnlyDictionary<string, double>(amounts.ToDictionary(pair => pair.Key, pair => pair.Value / total, StringComparer.Ordinal));
        TotalAmount = total;
    }

    /// <summary>
    /// A composition from element amounts (e.g. Li 1, Fe 1, P 1, O 4), in that order; throws <see cref="ArgumentException"/>
    /// for an unknown element, a repeated element, or an amount that is not positive and finite.
    /// </summary>
    public static Composition FromAmounts(IReadOnlyList<KeyValuePair<string, double>> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        if (amounts.Count == 0)
        {
            throw new ArgumentException("A composition needs at least one element.", nameof(amounts));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (symbol, amount) in amounts)
        {
            if (!SelfDrivingLab.Materials.Elements.ElementTable.Default.TryGetAtomicNumber(symbol, out _) || !seen.Add(symbol) || !(amount > 0) || !double.IsFinite(amount))
            {
                throw new ArgumentException($"'{symbol}' {amount} is not a new known element with a positive amount.", nameof(amounts));
            }
        }

        return new Composition(amounts);
    }

    /// <summary>Element symbols in order of first appearance.</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>Element symbol → amount (e.g. Fe2O3 gives Fe 2, O 3).</summary>
    public IReadOnlyDictionary<string, double> Amounts { get; }

    /// <summary>Element symbol → atomic fraction; the values sum to 1.</summary>
    public IReadOnlyDictionary<string, double> Fractions { get; }

    /// <summary>Sum of the amounts (atoms per formula unit).</summary>
    public double TotalAmount { get; }

    /// <summary>The amounts as a flat formula, e.g. <c>Fe2O3</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var element in Elements)
        {
            var amount = Amounts[element];
            text.Append(element);
            if (amount != 1)
            {
                text.Append(amount.ToString("G10", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
