namespace Alpha.MarketData;

/// <summary>
/// The layout of a bar CSV file: delimiter, header, timestamp format and time zone. Columns are always time, open,
/// high, low, close and (optionally) volume, in that order.
/// </summary>
public sealed record BarCsvFormat
{
    /// <summary>MetaTrader 5 export: TAB-separated, header <c>Time Open High Low Close Volume</c>, UTC bar open times as <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static BarCsvFormat MetaTrader5 { get; } = new() { Delimiter = '\t', TimestampFormat = "yyyy-MM-dd HH:mm:ss" };

    /// <summary>Generic comma-separated <c>timestamp,open,high,low,close,volume</c> with ISO-8601 UTC timestamps (<c>yyyy-MM-ddTHH:mm:ssZ</c>).</summary>
    public static BarCsvFormat Generic { get; } = new() { Delimiter = ',', TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'" };

    /// <summary>Field separator.</summary>
    /// <value>The default is a comma.</value>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether the first line is a header (skipped; its names are used in error messages).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool HasHeader { get; init; } = true;

    /// <summary>The timestamp format (.NET custom format string, invariant culture).</summary>
    /// <value>The default is <c>yyyy-MM-dd HH:mm:ss</c>.</value>
    public string TimestampFormat { get; init; } = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The time zone the timestamps are written in; they are converted to UTC.</summary>
    /// <value>The default is <see cref="TimeZoneInfo.Utc"/>.</value>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Whether a row may omit the volume column (volume is then 0).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool VolumeOptional { get; init; } = true;
}
