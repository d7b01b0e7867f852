using System.Text;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A minimal RFC 4180 reader: comma-separated, optional double quotes (a doubled quote inside is a
/// quote), CRLF or LF line ends, a UTF-8 byte-order mark ignored. Quoted fields do not span lines.
/// </summary>
internal static class CsvTable
{
    public static (string[] Header, List<(int Line, string[] Fields)> Rows) Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
        var headerLine = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty; expected a header row.");
        var header = Split(headerLine, path, 1).Select(h => h.Trim()).ToArray();
        var rows = new List<(int, string[])>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = Split(line, path, lineNumber);
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{path} line {lineNumber} has {fields.Length} fields; the header has {header.Length}.");
            }

            rows.Add((lineNumber, fields));
        }

        return (header, rows);
    }

    private static string[] Split(string line, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
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
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
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
            throw new InvalidDataException($"{path} line {lineNumber} has an unterminated quoted field.");
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
