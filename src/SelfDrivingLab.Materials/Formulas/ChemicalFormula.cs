using System.Diagnostics.CodeAnalysis;

namespace SelfDrivingLab.Materials.Formulas;

/// <summary>
/// Parses chemical formulas such as <c>Fe2O3</c>, <c>Ag(AuS)2</c>, <c>[Co(NH3)6]Cl3</c> or
/// <c>Fe0.62C0.00095Mn0.0005</c> into a <see cref="Composition"/>. Grammar: a sequence of element symbols and
/// parenthesized or bracketed groups, each optionally followed by a positive decimal amount; whitespace between tokens
/// is ignored; repeated elements add up. Thread-safe.
/// </summary>
public static class ChemicalFormula
{
    /// <summary>Parses <paramref name="formula"/>; throws <see cref="FormulaException"/> naming the position and problem.</summary>
    public static Composition Parse(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        return new FormulaParser(formula, Elements.ElementTable.Default).Parse();
    }

    /// <summary>Parses <paramref name="formula"/>; returns false (and the error) instead of throwing.</summary>
    public static bool TryParse(string? formula, [NotNullWhen(true)] out Composition? composition, [NotNullWhen(false)] out FormulaException? error)
    {
        composition = null;
        if (formula is null)
        {
            error = new FormulaException(string.Empty, 0, "the formula is empty");
            return false;
        }

        try
        {
            composition = Parse(formula);
            error = null;
            return true;
        }
        catch (FormulaException ex)
        {
            error = ex;
            return false;
        }
    }

    /// <summary>Parses <paramref name="formula"/>; returns false instead of throwing.</summary>
    public static bool TryParse(string? formula, [NotNullWhen(true)] out Composition? composition) =>
        TryParse(formula, out composition, out _);
}
