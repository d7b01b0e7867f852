using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SelfDrivingLab.Core.Text;

/// <summary>
/// Makes text that came from outside (MQTT payloads and topics, operator names and reasons, instrument messages)
/// safe to log or print: every control character is written as a visible escape, so such text can neither forge log
/// lines (newline, carriage return, Unicode line and paragraph separators, NEL) nor drive a terminal (ESC sequences,
/// other C0 and C1 controls) nor reorder what is displayed (bidirectional formatting characters). Backslashes are
/// doubled, so an escape in the output is never ambiguous. The one helper for every such log path. Thread-safe.
/// </summary>
public static class LogText
{
    /// <summary>
    /// <paramref name="text"/> with <c>\</c> → <c>\\</c>, newline → <c>\n</c>, carriage return → <c>\r</c>, tab → <c>\t</c>,
    /// and any other C0/C1 control, DEL, U+2028/U+2029 or bidirectional control → <c>\uXXXX</c>; the same instance when
    /// nothing needs escaping; null stays null.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Escape(string? text)
    {
        if (text is null || !text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '\n' => escaped.Append(@"\n"),
                '\r' => escaped.Append(@"\r"),
                '\t' => escaped.Append(@"\t"),
                _ when NeedsEscape(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c == '\\'
        || char.IsControl(c) // C0, DEL and C1 (NEL included)
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'); // bidi controls
}
