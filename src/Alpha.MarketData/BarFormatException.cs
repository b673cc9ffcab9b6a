using System.Globalization;

namespace Alpha.MarketData;

/// <summary>A bar file that cannot be read as bars: names the file, the 1-based line and the column at fault.</summary>
public sealed class BarFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="source"/>, <paramref name="line"/> and <paramref name="column"/>.</summary>
    public BarFormatException(string source, long line, string column, string problem)
        : base($"{source}, line {line}, column {column}: {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public BarFormatException()
        : this("<unknown>", 0, "<unknown>", "invalid bar data")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public BarFormatException(string message)
        : base(message)
    {
        Source = "<unknown>";
        Column = "<unknown>";
        Problem = message;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public BarFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = "<unknown>";
        Column = "<unknown>";
        Problem = message;
    }

    /// <summary>The file (or source name) being read.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line number in the file.</summary>
    public long Line { get; }

    /// <summary>The column at fault, by its header name.</summary>
    public string Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    // A number longer than this is refused as too long before it is parsed: no price or volume needs more digits, and
    // an all-digit field of hundreds of characters would otherwise parse as +∞ and be reported as "Infinity".
    private const int MaxNumberLength = 40;

    /// <summary>A field as a message quotes it: at most 80 characters, a longer one cut with its length.</summary>
    internal static string Quote(ReadOnlySpan<char> field) =>
        field.Length <= 80 ? field.ToString() : $"{field[..77]}... ({field.Length} characters)";

    /// <summary>Parses a numeric field; returns null when it is a number, or the problem to report.</summary>
    internal static string? NumberProblem(ReadOnlySpan<char> field, out double value)
    {
        value = double.NaN;
        if (field.Length > MaxNumberLength)
        {
            return $"'{Quote(field)}' is too long to be a number ({field.Length} characters)";
        }

        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) ? null : $"'{Quote(field)}' is not a number";
    }
}
