using System.Globalization;
using Alpha.MarketData;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// The bar message of a bar stream (docs/worker.md): the fields <c>time</c> (the bar's open time, ISO 8601 UTC, e.g.
/// <c>2026-12-07T08:00:00Z</c>), <c>open</c>, <c>high</c>, <c>low</c>, <c>close</c> and <c>volume</c>, numbers in
/// invariant culture. Prices are finite and positive, high ≥ low, volume finite and not negative; anything else is a
/// malformed message.
/// </summary>
public static class BarMessage
{
    /// <summary>The fields of <paramref name="bar"/>.</summary>
    public static NameValueEntry[] Fields(in Bar bar) =>
    [
        new("time", DateTime.SpecifyKind(bar.Time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)),
        new("open", bar.Open.ToString("R", CultureInfo.InvariantCulture)),
        new("high", bar.High.ToString("R", CultureInfo.InvariantCulture)),
        new("low", bar.Low.ToString("R", CultureInfo.InvariantCulture)),
        new("close", bar.Close.ToString("R", CultureInfo.InvariantCulture)),
        new("volume", bar.Volume.ToString("R", CultureInfo.InvariantCulture)),
    ];

    /// <summary>Reads a message; false with the problem (naming the field) when it is malformed.</summary>
    public static bool TryParse(NameValueEntry[] fields, out Bar bar, out string problem)
    {
        ArgumentNullException.ThrowIfNull(fields);
        bar = default;
        string? time = null;
        double open = double.NaN, high = double.NaN, low = double.NaN, close = double.NaN, volume = double.NaN;
        foreach (NameValueEntry field in fields)
        {
            string name = field.Name.ToString();
            switch (name)
            {
                case "time":
                    time = field.Value.ToString();
                    break;
                case "open" or "high" or "low" or "close" or "volume":
                    if (!double.TryParse(field.Value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
                    {
                        problem = $"field '{name}' is '{Truncate(field.Value.ToString())}', not a finite number";
                        return false;
                    }

                    _ = name switch { "open" => open = x, "high" => high = x, "low" => low = x, "close" => close = x, _ => volume = x };
                    break;
                default:
                    problem = $"unknown field '{Truncate(name)}'";
                    return false;
            }
        }

        string? missing = time is null ? "time" : double.IsNaN(open) ? "open" : double.IsNaN(high) ? "high" : double.IsNaN(low) ? "low" : double.IsNaN(close) ? "close" : double.IsNaN(volume) ? "volume" : null;
        if (missing is not null)
        {
            problem = $"field '{missing}' is missing";
            return false;
        }

        if (!DateTime.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime t) || !time!.EndsWith('Z'))
        {
            problem = $"field 'time' is '{Truncate(time!)}', not an ISO 8601 UTC time such as 2026-12-07T08:00:00Z";
            return false;
        }

        if (!(open > 0 && high > 0 && low > 0 && close > 0) || high < low || volume < 0)
        {
            problem = FormattableString.Invariant($"prices must be positive with high ≥ low and volume ≥ 0 (open {open}, high {high}, low {low}, close {close}, volume {volume})");
            return false;
        }

        bar = new Bar(DateTime.SpecifyKind(t, DateTimeKind.Utc), open, high, low, close, volume);
        problem = "";
        return true;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
}
