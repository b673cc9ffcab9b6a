using System.Globalization;
using System.Text;

namespace Alpha.Operations;

/// <summary>
/// Text as audit records hold it: control characters (a NUL from a fuzzed request, a stray escape) are written as
/// <c>\uXXXX</c>, so every store can keep the record and a reader sees exactly what was sent. Newlines are kept.
/// </summary>
internal static class AuditText
{
    public static string Escape(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c != '\n'))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            _ = char.IsControl(c) && c != '\n' ? escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : escaped.Append(c);
        }

        return escaped.ToString();
    }

    public static string? EscapeOrNull(string? text) => text is null ? null : Escape(text);
}
