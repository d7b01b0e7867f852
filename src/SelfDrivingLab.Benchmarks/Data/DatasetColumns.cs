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

    /// <summary>True when every value of the column is a finite number.</summary>
    public bool IsNumeric(int column) => table.Rows.All(row => TryNumber(row[column].Trim(), out _));

    /// <summary>One 0/1 indicator per distinct (trimmed) value, in order of first appearance.</summary>
    public IReadOnlyList<(string Level, double[] Indicator)> OneHot(int column)
    {
        var levels = table.Rows.Select(row => row[column].Trim()).Distinct(StringComparer.Ordinal).ToArray();
        return [.. levels.Select(level => (level, table.Rows.Select(row => row[column].Trim() == level ? 1.0 : 0.0).ToArray()))];
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
