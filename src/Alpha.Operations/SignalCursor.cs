using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Alpha.Operations;

/// <summary>
/// Where a page of the signal history ends (keyset paging, newest first): the last signal's bar time and id. Its token
/// is opaque to clients (base64url) and checked when read back.
/// </summary>
/// <param name="BarTime">The last signal's bar open time (UTC).</param>
/// <param name="Id">The last signal's id.</param>
public sealed record SignalCursor(DateTime BarTime, string Id)
{
    /// <summary>The cursor as a token for the next request.</summary>
    public string ToToken() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{BarTime.Ticks}|{Id}")));

    /// <summary>Reads a token.</summary>
    /// <returns>False when it is not a token this type wrote.</returns>
    public static bool TryParse(string? token, out SignalCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token) || token.Length > 128 || !Base64Url.IsValid(token))
        {
            return false;
        }

        string text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        int bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0
            || !long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
            || ticks > DateTime.MaxValue.Ticks
            || text[(bar + 1)..] is not { Length: 32 } id
            || !id.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        cursor = new SignalCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
