using System.Globalization;

namespace SelfDrivingLab.Benchmarks.Data;

/// <summary>Column lookup and numeric conversion with errors that name the column and row.</summary>
internal sealed class DatasetColumns(CsvTable table, string source)
{
    /// <summary>Index of a column by exact name, else by trimmed case-insensitive name.</summary>
    public int Find(string name)
    {
        for (var i = 0; i < table.Header.Count; i++)
        {
            if (table.Header[i] == name)
            {
                return i;
            }
        }

        var matches = Enumerable.Range(0, table.Header.Count)
            .Where(i => string.Equals(table.Header[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return matches.Length == 1
            ? matches[0]
            : throw new BenchmarkDataException($"'{source}' has no column '{name}'. Columns: {string.Join(", ", table.Header.Select(h => $"'{h}'"))}.");
    }

    public double[] Numbers(int column)
    {
        var values = new double[table.Rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            var text = table.Rows[r][column].Trim();
            if (!TryNumber(text, out values[r]))
            {
                throw new BenchmarkDataException($"'{source}' column '{table.Header[column]}' data row {r + 1}: '{text}' is not a finite number.");
            }
        }

        return values;
    }

    public int[] NumericColumnsExcept(int excluded) =>
        [.. Enumerable.Range(0, table.Header.Count).Where(c => c != excluded && table.Rows.All(row => TryNumber(row[c].Trim(), out _)))];

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
