using SelfDrivingLab.Materials.Features;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Benchmarks.Data;

/// <summary>Magpie features of a formula column, without the columns that are constant or not finite over the table.</summary>
internal static class FormulaFeatures
{
    public static (List<string> Names, List<double[]> Columns) Compute(CsvTable table, int column, string source)
    {
        var featurizer = new MagpieFeaturizer();
        var rows = new double[table.Rows.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            var text = table.Rows[r][column];
            if (!ChemicalFormula.TryParse(text, out var composition, out var error))
            {
                throw new BenchmarkDataException($"'{source}' column '{table.Header[column]}' data row {r + 1}: {error.Message}", error);
            }

            rows[r] = featurizer.Featurize(composition);
        }

        var names = new List<string>();
        var columns = new List<double[]>();
        for (var f = 0; f < featurizer.FeatureNames.Count; f++)
        {
            var values = rows.Select(row => row[f]).ToArray();
            // A constant feature cannot rank candidates and a non-finite one cannot be scaled: both are dropped.
            if (values.All(double.IsFinite) && values.Max() > values.Min())
            {
                names.Add(featurizer.FeatureNames[f]);
                columns.Add(values);
            }
        }

        return (names, columns);
    }
}
