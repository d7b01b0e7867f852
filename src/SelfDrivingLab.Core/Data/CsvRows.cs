using System.Text;

namespace SelfDrivingLab.Core.Data;

/// <summary>
/// The product's one CSV reader (RFC 4180): comma-separated fields, double-quoted fields holding commas, doubled quotes
/// and line breaks, CRLF or LF, a UTF-8 byte-order mark ignored, blank lines skipped. Every row must have the header's
/// number of fields. Stateless and thread-safe.
/// </summary>
public static class CsvRows
{
    /// <summary>
    /// The trimmed header and the data rows of the file, each with the 1-based line it starts on; throws
    /// <see cref="InvalidDataException"/> naming the line for an empty file, an unterminated quote or a ragged row.
    /// </summary>
    public static (string[] Header, List<(int Line, string[] Fields)> Rows) Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader);
    }

    /// <summary>As <see cref="Read"/>, from <paramref name="reader"/>.</summary>
    public static (string[] Header, List<(int Line, string[] Fields)> Rows) Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = Records(reader.ReadToEnd().TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            throw new InvalidDataException("the file is empty; expected a header row");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var rows = new List<(int, string[])>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"line {line} has {fields.Length} fields; the header has {header.Length}");
            }

            rows.Add((line, fields));
        }

        return (header, rows);
    }

    private static List<(int Line, string[] Fields)> Records(string text)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (quoted, fieldWasQuoted, line, recordLine, quoteLine) = (false, false, 1, 1, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
            }

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
                (quoted, fieldWasQuoted, quoteLine) = (true, true, line);
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
                    line++;
                }

                EndRecord();
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"line {quoteLine} has an unterminated quoted field");
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (fields.Count == 0 && field.Length == 0 && !fieldWasQuoted)
            {
                return; // a blank line
            }

            fields.Add(field.ToString());
            records.Add((recordLine, [.. fields]));
            fields.Clear();
            field.Clear();
            fieldWasQuoted = false;
        }
    }
}
