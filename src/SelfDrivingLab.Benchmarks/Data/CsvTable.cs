using System.Text;
using SelfDrivingLab.Core.Data;

namespace SelfDrivingLab.Benchmarks.Data;

/// <summary>A benchmark's table as read by the one CSV reader (<see cref="CsvRows"/>), with at least one data row. Immutable.</summary>
internal sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows, each with exactly <see cref="Header"/>.Count fields.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BenchmarkDataException($"Data file '{path}' does not exist.");
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader.ReadToEnd(), path);
    }

    public static CsvTable Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        (string[] Header, List<(int Line, string[] Fields)> Rows) table;
        try
        {
            table = CsvRows.Parse(new StringReader(text));
        }
        catch (InvalidDataException ex)
        {
            throw new BenchmarkDataException($"'{source}': {ex.Message}.");
        }

        if (table.Rows.Count == 0)
        {
            throw new BenchmarkDataException($"'{source}' has a header but no data rows.");
        }

        return new CsvTable(table.Header, [.. table.Rows.Select(r => r.Fields)]);
    }
}
