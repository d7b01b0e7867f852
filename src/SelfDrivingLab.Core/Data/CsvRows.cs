using System.Text;

namespace SelfDrivingLab.Core.Data;

/// <summary>
/// Reads a small CSV table (data tables for simulators and candidate pools): comma-separated, double-quoted fields (a doubled quote inside is a quote),
/// CRLF or LF, a UTF-8 byte-order mark ignored, blank lines skipped. Quoted fields do not span lines.
/// </summary>
public static class CsvRows
{
    /// <summary>The trimmed header and the data rows with their 1-based line numbers; throws <see cref="InvalidDataException"/> naming the line.</summary>
    public static (string[] Header, List<(int Line, string[] Fields)> Rows) Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = Split(reader.ReadLine() ?? throw new InvalidDataException("the file is empty; expected a header row"), 1)
            .Select(h => h.Trim())
            .ToArray();
        var rows = new List<(int, string[])>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var fields = Split(text, line);
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"line {line} has {fields.Length} fields; the header has {header.Length}");
            }

            rows.Add((line, fields));
        }

        return (header, rows);
    }

    private static string[] Split(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"line {lineNumber} has an unterminated quoted field");
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
