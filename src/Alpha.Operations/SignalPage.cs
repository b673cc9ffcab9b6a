using System.Collections.Immutable;
using Alpha.Signals;

namespace Alpha.Operations;

/// <summary>A page of the signal history, newest first.</summary>
/// <param name="Signals">The signals.</param>
/// <param name="Next">Where the next page starts, or null when this is the last page.</param>
public sealed record SignalPage(ImmutableArray<Signal> Signals, SignalCursor? Next);
