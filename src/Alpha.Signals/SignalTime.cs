using System.Globalization;

namespace Alpha.Signals;

/// <summary>Signal times: UTC, whole seconds, written <c>yyyy-MM-ddTHH:mm:ssZ</c> in JSON and in the id.</summary>
internal static class SignalTime
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Write(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static bool IsWholeSecond(DateTimeOffset time) => time.UtcTicks % TimeSpan.TicksPerSecond == 0;

    public static bool TryParse(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
