namespace Alpha.Boosting;

/// <summary>
/// XGBoost writes NaN and ±Infinity as bare tokens (e.g. the split condition of a categorical node), which strict
/// JSON parsers reject. This rewrites them, outside strings, as <c>null</c> (read back as NaN) and ±1e999 (read
/// back as ±∞), so the document parses.
/// </summary>
internal static class NonFiniteJson
{
    public static byte[] Sanitize(ReadOnlySpan<byte> json)
    {
        var output = new List<byte>(json.Length + 16);
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            byte b = json[i];
            if (inString)
            {
                output.Add(b);
                if (b == (byte)'\\' && i + 1 < json.Length)
                {
                    output.Add(json[++i]);
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            if (b == (byte)'"')
            {
                inString = true;
                output.Add(b);
            }
            else if (Matches(json, i, "NaN"u8) || Matches(json, i, "-NaN"u8))
            {
                output.AddRange("null"u8);
                i += json[i] == (byte)'-' ? 3 : 2;
            }
            else if (Matches(json, i, "Infinity"u8) || Matches(json, i, "-Infinity"u8) || Matches(json, i, "inf"u8) || Matches(json, i, "-inf"u8))
            {
                bool negative = json[i] == (byte)'-';
                output.AddRange(negative ? "-1e999"u8 : "1e999"u8);
                i += (negative ? 1 : 0) + (json[i + (negative ? 1 : 0)] == (byte)'I' ? 8 : 3) - 1;
            }
            else
            {
                output.Add(b);
            }
        }

        return [.. output];
    }

    private static bool Matches(ReadOnlySpan<byte> json, int at, ReadOnlySpan<byte> token) =>
        json[at..].StartsWith(token);
}
