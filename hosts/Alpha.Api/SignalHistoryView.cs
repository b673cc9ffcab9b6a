using Alpha.Signals;

namespace Alpha.Api;

/// <summary>A page of the signal history, newest first; <see cref="NextCursor"/> fetches the next page (null on the last).</summary>
internal sealed record SignalHistoryView(IReadOnlyList<Signal> Signals, string? NextCursor);
