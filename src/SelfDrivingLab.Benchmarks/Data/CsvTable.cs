using System.Text;

namespace SelfDrivingLab.Benchmarks.Data;

/// <summary>
/// A comma-separated table (RFC 4180: quoted fields with doubled quotes, commas and line breaks inside quotes; CRLF or
/// LF). A UTF-8 byte-order mark is removed. Blank lines are skipped. Immutable.
/// </summary>
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
        var records = SplitRecords(text.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            throw new BenchmarkDataException($"'{source}' is empty: it needs a header line and at least one data row.");
        }

        var header = records[0];
        var rows = new List<string[]>(records.Count - 1);
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Length != header.Length)
            {
                throw new BenchmarkDataException($"'{source}' data row {i} has {records[i].Length} fields; the header has {header.Length}.");
            }

            rows.Add(records[i]);
        }

        if (rows.Count == 0)
        {
            throw new BenchmarkDataException($"'{source}' has a header but no data rows.");
        }

        return new CsvTable(header, rows);
    }

    private static List<string[]> SplitRecords(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldWasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
                fieldWasQuoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
            }
            else
            {
                field.Append(c);
            }
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (fields.Count == 0 && field.Length == 0 && !fieldWasQuoted)
            {
                return; // blank line
            }

            fields.Add(field.ToString());
            records.Add([.. fields]);
            fields.Clear();
            field.Clear();
            fieldWasQuoted = false;
        }
    }
}
