using Alpha.Signals;

namespace Alpha.Operations;

/// <summary>A page of the signal history: filters, newest first, at most <see cref="Limit"/> signals after <see cref="After"/>.</summary>
public sealed record SignalQuery
{
    /// <summary>Only this model's signals, or null for all.</summary>
    public string? ModelId { get; init; }

    /// <summary>Only this pair's, or null for all.</summary>
    public string? PairId { get; init; }

    /// <summary>Only entries or only exits, or null for both.</summary>
    public SignalAction? Action { get; init; }

    /// <summary>Only bars at or after this time (UTC), or null.</summary>
    public DateTime? From { get; init; }

    /// <summary>Only bars before this time (UTC), or null.</summary>
    public DateTime? To { get; init; }

    /// <summary>The page size, in [1, 500]. Default 100.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Where the previous page ended, or null for the first page.</summary>
    public SignalCursor? After { get; init; }
}
