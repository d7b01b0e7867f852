using SelfDrivingLab.Materials.Elements;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.PropertyModels.Screening;

/// <summary>
/// The compositions of a chemical system: every combination of integer amounts of the given elements (subsystems included)
/// with at most <see cref="MaxAtoms"/> atoms per formula unit, or every point of the composition simplex on a grid of
/// step <see cref="GridStep"/> (amounts in units of the step); each as its reduced formula (amounts without a common
/// divisor), each once. Optionally only those that common oxidation states can make charge-neutral. Immutable.
/// </summary>
public sealed record CompositionSpace
{
    /// <summary>The elements (at least one, distinct, known symbols).</summary>
    public required IReadOnlyList<string> Elements { get; init; }

    /// <summary>Largest number of atoms per formula unit; exactly one of this and <see cref="GridStep"/> is set.</summary>
    public int? MaxAtoms { get; init; }

    /// <summary>Step of the atomic-fraction grid (e.g. 0.05); exactly one of this and <see cref="MaxAtoms"/> is set.</summary>
    public double? GridStep { get; init; }

    /// <summary>Keep only compositions <see cref="OxidationStates.CanBeChargeNeutral"/> accepts (default false).</summary>
    public bool ChargeNeutral { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem.</summary>
    public void Validate()
    {
        if (Elements is null || Elements.Count == 0)
        {
            throw new ArgumentException("--elements needs at least one element, e.g. Li,Fe,P,O");
        }

        foreach (var symbol in Elements)
        {
            if (!ElementTable.Default.TryGetAtomicNumber(symbol, out _))
            {
                throw new ArgumentException($"--elements: '{symbol}' is not an element symbol (symbols are case-sensitive: Fe, not FE)");
            }
        }

        if (Elements.Distinct(StringComparer.Ordinal).Count() != Elements.Count)
        {
            throw new ArgumentException("--elements: each element may appear once");
        }

        if ((MaxAtoms is null) == (GridStep is null))
        {
            throw new ArgumentException("give exactly one of --max-atoms and --grid");
        }

        if (MaxAtoms is < 1 or > 1000)
        {
            throw new ArgumentException($"--max-atoms must be between 1 and 1000 (got {MaxAtoms})");
        }

        if (GridStep is { } step && (!(step > 0) || step > 1 || Math.Abs((1 / step) - Math.Round(1 / step)) > 1e-9 || 1 / step > 1000))
        {
            throw new ArgumentException($"--grid must be 1/n for a whole n up to 1000, e.g. 0.05 or 0.1 (got {step})");
        }
    }

    /// <summary>Enumerates the compositions (lazily, in a fixed order).</summary>
    public IEnumerable<Composition> Enumerate()
    {
        Validate();
        var neutral = OxidationStates.Default;
        var amounts = new int[Elements.Count];
        var total = MaxAtoms ?? (int)Math.Round(1 / GridStep!.Value);
        foreach (var _ in Fill(amounts, 0, total, exact: GridStep is not null))
        {
            // A grid point is one composition whatever its amounts' divisor; with a maximum of atoms, a formula whose
            // amounts share a divisor repeats a smaller one (Li2O2 is LiO).
            var divisor = Gcd(amounts);
            if (divisor == 0 || (MaxAtoms is not null && divisor != 1))
            {
                continue;
            }

            var composition = Composition.FromAmounts([.. Elements.Select((e, i) => KeyValuePair.Create(e, (double)(amounts[i] / divisor))).Where(p => p.Value > 0)]);
            if (!ChargeNeutral || neutral.CanBeChargeNeutral(composition))
            {
                yield return composition;
            }
        }
    }

    /// <summary>Visits every assignment of amounts[index..] with sum ≤ remaining (= remaining when exact).</summary>
    private static IEnumerable<bool> Fill(int[] amounts, int index, int remaining, bool exact)
    {
        if (index == amounts.Length - 1)
        {
            for (var a = exact ? remaining : 0; a <= remaining; a++)
            {
                amounts[index] = a;
                yield return true;
            }

            yield break;
        }

        for (var a = 0; a <= remaining; a++)
        {
            amounts[index] = a;
            foreach (var visit in Fill(amounts, index + 1, remaining - a, exact))
            {
                yield return visit;
            }
        }
    }

    private static int Gcd(int[] amounts)
    {
        var gcd = 0;
        foreach (var a in amounts)
        {
            var (x, y) = (gcd, a);
            while (y != 0)
            {
                (x, y) = (y, x % y);
            }

            gcd = x;
        }

        return gcd;
    }
}
