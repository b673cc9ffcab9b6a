using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Alpha.MarketData;

/// <summary>
/// Reads QuantConnect Lean's hour and daily forex data as Lean stores it: a zip per ticker (<c>eurusd.zip</c>)
/// holding one headerless CSV whose rows are <c>yyyyMMdd HH:mm,BidOpen,BidHigh,BidLow,BidClose,LastBidSize,
/// AskOpen,AskHigh,AskLow,AskClose,LastAskSize</c>, with times in the market's data time zone
/// (<see cref="LeanMarkets"/>), converted here to UTC. The bid, ask or mid prices become the bars
/// (<see cref="LeanDataOptions.Side"/>), validated as <see cref="BarCsvReader"/> validates its rows; every problem
/// names the archive, its entry, the line and the column. Minute, second and tick data (a zip per day) are not read.
/// </summary>
public sealed class LeanBarReader
{
    // An hour file of twenty years is about 60 MB; a larger entry is refused before it is decompressed.
    private const long MaxEntryBytes = 1L << 30;
    private const string TimestampFormat = "yyyyMMdd HH:mm";

    private static readonly string[] s_columns = ["Time", "BidOpen", "BidHigh", "BidLow", "BidClose", "LastBidSize", "AskOpen", "AskHigh", "AskLow", "AskClose", "LastAskSize"];

    private readonly TimeZoneInfo _zone;

    /// <summary>Creates a reader.</summary>
    /// <exception cref="ArgumentException">The market has no known data time zone and none was given.</exception>
    public LeanBarReader(LeanDataOptions? options = null)
    {
        Options = options ?? new LeanDataOptions();
        _zone = Options.DataTimeZone ?? LeanMarkets.DataTimeZone(Options.Market);
    }

    /// <summary>The reading options.</summary>
    public LeanDataOptions Options { get; }

    /// <summary>Whether <paramref name="path"/> names a Lean data archive (a <c>.zip</c> file), which <see cref="Load(string, string?)"/> reads.</summary>
    public static bool IsLeanArchive(string path) => path is not null && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads a Lean zip; the symbol defaults to the file name, upper-cased (eurusd.zip → EURUSD).</summary>
    /// <exception cref="BarFormatException">Not a Lean hour or daily archive, or (strict mode) a bad row.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public BarSeries Load(string path, string? symbol = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        return LoadArchive(stream, path, symbol ?? BarCsvReader.SymbolOf(path).ToUpperInvariant());
    }

    /// <summary>Loads a Lean zip from <paramref name="zip"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="BarFormatException">Not a Lean hour or daily archive, or (strict mode) a bad row.</exception>
    public BarSeries LoadArchive(Stream zip, string source, string symbol)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new BarFormatException(source, 0, "(file)", $"not a zip archive ({e.Message})");
        }

        using (archive)
        {
            ZipArchiveEntry entry = SingleEntry(archive, source);
            string where = $"{source}!{entry.FullName}";
            try
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                return Read(reader, where, symbol);
            }
            catch (InvalidDataException e)
            {
                throw new BarFormatException(where, 0, "(file)", $"the archive is corrupt ({e.Message})");
            }
        }
    }

    private static ZipArchiveEntry SingleEntry(ZipArchive archive, string source)
    {
        ZipArchiveEntry[] files = [.. archive.Entries.Where(e => !e.FullName.EndsWith('/'))];
        if (files.Length != 1)
        {
            throw new BarFormatException(source, 0, "(file)", $"holds {files.Length} files; a Lean hour or daily archive holds one CSV");
        }

        ZipArchiveEntry entry = files[0];
        string name = entry.Name.ToLowerInvariant();
        if (name.Contains("_minute_", StringComparison.Ordinal) || name.Contains("_second_", StringComparison.Ordinal) || name.Contains("_tick_", StringComparison.Ordinal))
        {
            throw new BarFormatException(source, 0, "(file)", $"'{entry.Name}' is Lean minute, second or tick data (a zip per day); only hour and daily archives are read");
        }

        if (entry.Length > MaxEntryBytes)
        {
            throw new BarFormatException(source, 0, "(file)", $"'{entry.Name}' expands to {entry.Length} bytes, more than the {MaxEntryBytes} an hour or daily file can have");
        }

        return entry;
    }

    private BarSeries Read(TextReader text, string source, string symbol)
    {
        var builder = new BarSeriesBuilder(symbol, source, Options.Mode, BarColumns(Options.Side));
        var lines = new LineReader(text, LineReader.DefaultMaxLength);
        long lineNumber = 0, dataRows = 0;
        Span<double> values = stackalloc double[10];
        string? line;
        while ((line = lines.ReadLine(out bool tooLong)) is not null)
        {
            lineNumber++;
            if (line.Length == 0 && !tooLong)
            {
                continue;
            }

            dataRows++;
            if (tooLong)
            {
                builder.Problem(lineNumber, "Time", $"the line is longer than {LineReader.DefaultMaxLength} characters", skipped: true);
            }
            else if (TryParse(line, lineNumber, builder, values, out DateTime time))
            {
                builder.Add(ToBar(time, values), lineNumber);
            }
        }

        if (dataRows == 0)
        {
            throw new BarFormatException(source, lineNumber, "(file)", "the file has no bars");
        }

        return builder.Build();
    }

    private bool TryParse(string line, long lineNumber, BarSeriesBuilder problems, Span<double> values, out DateTime time)
    {
        time = default;
        ReadOnlySpan<char> rest = line;
        for (int c = 0; c < s_columns.Length; c++)
        {
            if (rest.IsEmpty && (c > 0 || line.Length == 0))
            {
                problems.Problem(lineNumber, s_columns[c], $"missing (the row has {c} fields; a Lean quote bar has {s_columns.Length})", skipped: true);
                return false;
            }

            int cut = rest.IndexOf(',');
            ReadOnlySpan<char> field = (cut < 0 ? rest : rest[..cut]).Trim();
            rest = cut < 0 ? [] : rest[(cut + 1)..];
            if (c == 0)
            {
                if (!DateTime.TryParseExact(field, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
                {
                    problems.Problem(lineNumber, "Time", $"'{BarFormatException.Quote(field)}' is not a timestamp in Lean's format '{TimestampFormat}'", skipped: true);
                    return false;
                }

                time = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone), DateTimeKind.Utc);
            }
            else if (BarFormatException.NumberProblem(field, out values[c - 1]) is string problem)
            {
                problems.Problem(lineNumber, s_columns[c], problem, skipped: true);
                return false;
            }
        }

        if (!rest.IsEmpty)
        {
            problems.Problem(lineNumber, s_columns[^1], $"the row has more than {s_columns.Length} fields (a Lean quote bar)", skipped: true);
            return false;
        }

        return true;
    }

    // values: bid open, high, low, close, size, then ask open, high, low, close, size.
    private Bar ToBar(DateTime time, ReadOnlySpan<double> values) => Options.Side switch
    {
        QuoteSide.Bid => new Bar(time, values[0], values[1], values[2], values[3], values[4]),
        QuoteSide.Ask => new Bar(time, values[5], values[6], values[7], values[8], values[9]),
        _ => new Bar(time, (values[0] + values[5]) / 2, (values[1] + values[6]) / 2, (values[2] + values[7]) / 2, (values[3] + values[8]) / 2, (values[4] + values[9]) / 2),
    };

    private static string[] BarColumns(QuoteSide side) => side switch
    {
        QuoteSide.Bid => ["Time", "BidOpen", "BidHigh", "BidLow", "BidClose", "LastBidSize"],
        QuoteSide.Ask => ["Time", "AskOpen", "AskHigh", "AskLow", "AskClose", "LastAskSize"],
        _ => ["Time", "MidOpen", "MidHigh", "MidLow", "MidClose", "MeanSize"],
    };
}
