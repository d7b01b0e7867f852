using SelfDrivingLab.Materials.Formulas;
using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.PropertyModels.Tests;

/// <summary>Small tables whose target is a known function of the composition, so a model's error can be checked.</summary>
internal static class SyntheticTables
{
    /// <summary>Which rows of the table.</summary>
    public enum Split
    {
        All,
        Train,
        Test,
    }

    private static readonly string[] Cations = ["Li", "Na", "K", "Mg", "Ca", "Sr", "Ba", "Al", "Ga", "Zn", "Cd", "Fe", "Co", "Ni", "Cu", "Ti"];
    private static readonly string[] Anions = ["O", "S", "Se", "F", "Cl"];

    /// <summary>All compositions AₓBᵧ (x, y = 1…2) of the cations and anions above: 320 formulas.</summary>
    public static IReadOnlyList<Composition> Compositions { get; } =
        [.. from c in Cations from a in Anions from x in new[] { 1, 2 } from y in new[] { 1, 2 } select ChemicalFormula.Parse($"{c}{x}{a}{y}")];

    /// <summary>The mean Pauling electronegativity of each composition: a linear function of one feature.</summary>
    public static double MeanElectronegativity(Composition composition)
    {
        var index = FeatureMatrix.CompositionFeatureNames.ToList().IndexOf("MagpieData mean Electronegativity");
        return FeatureMatrix.Build([composition], null, 0)[0][index];
    }

    /// <summary>
    /// A regression set; <paramref name="target"/> gives the value. With <paramref name="split"/> = Train the rows are all
    /// but every fifth composition, with Test every fifth; with All every composition.
    /// </summary>
    public static TrainingSet Regression(Func<Composition, double> target, Split split = Split.All) =>
        Set(PropertyTask.Regression, string.Empty, c => target(c), split);

    /// <summary>A classification set: yes for oxides and sulfides.</summary>
    public static TrainingSet Classification(Split split = Split.All) =>
        Set(PropertyTask.Classification, "yes/no", c => c.Elements.Contains("O") || c.Elements.Contains("S") ? 1 : 0, split);

    private static TrainingSet Set(PropertyTask task, string rule, Func<Composition, double> target, Split split)
    {
        var rows = Compositions.Where((_, i) => split == Split.All || (i % 5 == 0) == (split == Split.Test)).ToArray();
        return new TrainingSet("y", "y", task, rule, [.. rows.Select(r => r.ToString())], rows, [], [.. rows.Select(_ => Array.Empty<double>())], [.. rows.Select(target)]);
    }
}
