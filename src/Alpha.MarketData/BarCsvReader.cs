using System.Globalization;

namespace Alpha.MarketData;

/// <summary>
/// Reads bars from delimited text, one line at a time (constant memory: the file is never held as a list of
/// lines). Each row is validated — parseable fields, finite positive prices, high ≥ low, open and close inside
/// the range, strictly increasing times — and every problem names the file, line and column. In
/// <see cref="ValidationMode.Strict"/> (the default) the first problem throws <see cref="BarFormatException"/>;
/// in <see cref="ValidationMode.Lenient"/> unusable rows are skipped and suspicious bars kept, all reported in
/// <see cref="BarSeries.Issues"/>.
/// </summary>
public sealed class BarCsvReader
{
    internal static readonly string[] DefaultColumns = ["Time", "Open", "High", "Low", "Close", "Volume"];

    /// <summary>Creates a reader for <paramref name="format"/> (default <see cref="BarCsvFormat.MetaTrader5"/>).</summary>
    public BarCsvReader(BarCsvFormat? format = null, ValidationMode mode = ValidationMode.Strict)
    {
        Format = format ?? BarCsvFormat.MetaTrader5;
        ArgumentException.ThrowIfNullOrWhiteSpace(Format.TimestampFormat, nameof(format));
        ArgumentNullException.ThrowIfNull(Format.TimeZone, nameof(format));
        Mode = mode;
    }

    /// <summary>The file layout.</summary>
    public BarCsvFormat Format { get; }

    /// <summary>Strict or lenient validation.</summary>
    public ValidationMode Mode { get; }

    /// <summary>Loads a whole file into a <see cref="BarSeries"/>; the symbol defaults to the file name up to the first '_' or '.'.</summary>
    /// <exception cref="BarFormatException">Strict mode: the first bad row, or a step that mixes timeframes.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public BarSeries Load(string path, string? symbol = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        return Load(reader, path, symbol ?? SymbolOf(path));
    }

    /// <summary>
    /// The symbol a bar file's name implies: the name up to its first '_' (AUDUSD_H4.csv → AUDUSD), else the whole
    /// name without its extension. <see cref="Load(string, string?)"/> uses it when no symbol is given.
    /// </summary>
    public static string SymbolOf(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string name = Path.GetFileNameWithoutExtension(path);
        int cut = name.IndexOf('_', StringComparison.Ordinal);
        return cut > 0 ? name[..cut] : name;
    }

    /// <summary>
    /// Loads bars from <paramref name="reader"/>; <paramref name="source"/> names it in errors. In lenient mode a file
    /// whose every row is unusable gives an empty series that carries every row's issue.
    /// </summary>
    /// <exception cref="BarFormatException">The file has no data row (empty, or a header only); strict mode: the first bad row, or a step that mixes timeframes.</exception>
    public BarSeries Load(TextReader reader, string source, string symbol)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        BarSeriesBuilder? builder = null;
        foreach ((Bar bar, long line, BarSeriesBuilder rowBuilder) in ReadRows(reader, source, columns => builder = new BarSeriesBuilder(symbol, source, Mode, columns)))
        {
            rowBuilder.Add(bar, line);
        }

        return builder!.Build();
    }

    /// <summary>
    /// Streams the parsed bars of <paramref name="reader"/> without collecting them. Rows are checked field by field
    /// and for prices and order as <see cref="Load(TextReader, string, string)"/> does (not for mixed timeframes,
    /// which needs the whole series). Strict mode throws on the first problem; lenient mode skips the row and adds
    /// the problem to <paramref name="issues"/>. A source with no data row throws <see cref="BarFormatException"/>
    /// when the enumeration reaches its end.
    /// </summary>
    public IEnumerable<Bar> Read(TextReader reader, string source, ICollection<BarIssue>? issues = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return Stream(reader, source, issues);
    }

    private IEnumerable<Bar> Stream(TextReader reader, string source, ICollection<BarIssue>? issues)
    {
        foreach ((Bar bar, long line, BarSeriesBuilder checker) in ReadRows(reader, source, columns => new BarSeriesBuilder(source, source, Mode, columns, issues, keepBars: false)))
        {
            if (checker.Add(bar, line))
            {
                yield return bar;
            }
        }
    }

    // Yields each parseable row with the builder (made once the header is known) that validates and collects it;
    // a source without a data row is an error in either mode (nothing to skip, nothing to report as a row).
    private IEnumerable<(Bar Bar, long Line, BarSeriesBuilder Builder)> ReadRows(TextReader reader, string source, Func<string[], BarSeriesBuilder> createBuilder)
    {
        BarSeriesBuilder? builder = null;
        long lineNumber = 0, dataRows = 0;
        var lines = new LineReader(reader, LineReader.DefaultMaxLength);
        string? line;
        while ((line = lines.ReadLine(out bool tooLong)) is not null)
        {
            lineNumber++;
            if (tooLong)
            {
                builder ??= createBuilder(DefaultColumns);
                dataRows++;
                builder.Problem(lineNumber, 0, $"the line is longer than {LineReader.DefaultMaxLength} characters", skipped: true);
                continue;
            }

            if (builder is null)
            {
                builder = createBuilder(Format.HasHeader ? HeaderNames(line) : DefaultColumns);
                if (Format.HasHeader)
                {
                    continue;
                }
            }

            if (line.Length == 0)
            {
                continue;
            }

            dataRows++;
            if (TryParse(line, lineNumber, builder, out Bar bar))
            {
                yield return (bar, lineNumber, builder);
            }
        }

        if (dataRows == 0)
        {
            throw new BarFormatException(source, lineNumber, "(file)", lineNumber == 0 ? "the file is empty: it has no bars" : "the file has no data rows: no bars after the header");
        }
    }

    private bool TryParse(string line, long lineNumber, BarSeriesBuilder problems, out Bar bar)
    {
        bar = default;
        ReadOnlySpan<char> rest = line;
        Span<double> values = stackalloc double[5];
        DateTime time = default;
        int fields = 0;
        for (int c = 0; c < 6; c++)
        {
            if (rest.IsEmpty && c > 0 && (c < 5 || !Format.VolumeOptional))
            {
                problems.Problem(lineNumber, c, $"missing (the row has {fields} fields)", skipped: true);
                return false;
            }

            if (rest.IsEmpty)
            {
                break;
            }

            int cut = rest.IndexOf(Format.Delimiter);
            ReadOnlySpan<char> field = (cut < 0 ? rest : rest[..cut]).Trim();
            rest = cut < 0 ? [] : rest[(cut + 1)..];
            fields++;
            if (c == 0)
            {
                if (!TryParseTime(field, out time))
                {
                    problems.Problem(lineNumber, 0, $"'{BarFormatException.Quote(field)}' is not a timestamp in the format '{Format.TimestampFormat}'", skipped: true);
                    return false;
                }
            }
            else if (BarFormatException.NumberProblem(field, out values[c - 1]) is string problem)
            {
                problems.Problem(lineNumber, c, problem, skipped: true);
                return false;
            }
        }

        if (!rest.IsEmpty)
        {
            problems.Problem(lineNumber, 5, "the row has more than 6 fields", skipped: true);
            return false;
        }

        bar = new Bar(time, values[0], values[1], values[2], values[3], values[4]);
        return true;
    }

    private bool TryParseTime(ReadOnlySpan<char> field, out DateTime time)
    {
        if (Format.TimestampFormat == "yyyy-MM-dd HH:mm:ss" && FixedTimestamp.TryParse(field, out time))
        {
            // Fast path for the MetaTrader layout; the general parser below handles every other format.
        }
        else if (!DateTime.TryParseExact(field, Format.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time))
        {
            return false;
        }

        if (Format.TimeZone != TimeZoneInfo.Utc)
        {
            time = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), Format.TimeZone);
        }

        time = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return true;
    }

    private string[] HeaderNames(string header)
    {
        string[] names = header.Split(Format.Delimiter, StringSplitOptions.TrimEntries);
        return names.Length >= 6 ? names : [.. names, .. DefaultColumns[names.Length..]];
    }
}
