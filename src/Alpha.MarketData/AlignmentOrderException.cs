namespace Alpha.MarketData;

/// <summary>A bar reached <see cref="PairAlignmentState"/> out of order: at or before its leg's previous bar, or before the axis already emitted.</summary>
public sealed class AlignmentOrderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AlignmentOrderException(string symbol, DateTime time, DateTime last)
        : base($"{symbol}: bar {time:O} is not after {last:O}; bars of a leg must arrive in time order.")
    {
        Symbol = symbol;
        Time = time;
    }

    /// <summary>Creates the exception with a message.</summary>
    public AlignmentOrderException()
    {
        Symbol = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public AlignmentOrderException(string message)
        : base(message)
    {
        Symbol = string.Empty;
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public AlignmentOrderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Symbol = string.Empty;
    }

    /// <summary>The leg's symbol.</summary>
    public string Symbol { get; }

    /// <summary>The offending bar's time.</summary>
    public DateTime Time { get; }
}
