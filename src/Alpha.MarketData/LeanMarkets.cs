using System.Collections.Immutable;

namespace Alpha.MarketData;

/// <summary>
/// The data time zone of each forex market whose hour and daily files <see cref="LeanBarReader"/> reads, as Lean's
/// market-hours database (Data/market-hours/market-hours-database.json, entries <c>Forex-{market}-[*]</c>) gives it:
/// the zone the files' timestamps are written in. Oanda's files are in UTC, FXCM's in New York time.
/// </summary>
public static class LeanMarkets
{
    private static readonly ImmutableDictionary<string, string> s_dataTimeZones = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["oanda"] = "UTC",
        ["fxcm"] = "America/New_York",
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The markets known here.</summary>
    public static IEnumerable<string> Names => s_dataTimeZones.Keys.Order(StringComparer.Ordinal);

    /// <summary>The data time zone of <paramref name="market"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The market is not known here; pass its zone in <see cref="LeanDataOptions.DataTimeZone"/>.</exception>
    public static TimeZoneInfo DataTimeZone(string market)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        return s_dataTimeZones.TryGetValue(market, out string? zone)
            ? TimeZoneInfo.FindSystemTimeZoneById(zone)
            : throw new ArgumentException($"Lean market '{market}' has no known data time zone (known: {string.Join(", ", Names)}); set LeanDataOptions.DataTimeZone.", nameof(market));
    }
}
