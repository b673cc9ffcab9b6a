using System.Collections.Immutable;

namespace Alpha.CrossValidation;

/// <summary>
/// One recombined CPCV backtest path: every group once, in time order, each scored out of sample by a different
/// split's model, so the path covers the whole history.
/// </summary>
/// <param name="Index">The path id (0-based).</param>
/// <param name="Segments">One segment per group, in time order.</param>
public sealed record BacktestPath(int Index, ImmutableArray<PathSegment> Segments);
