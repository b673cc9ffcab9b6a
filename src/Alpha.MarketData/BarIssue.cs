namespace Alpha.MarketData;

/// <summary>A problem found in lenient mode: where it is and whether the bar was skipped or kept with a flag.</summary>
/// <param name="Source">The file or source name.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Column">The column at fault, by header name.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Skipped">True when the row was dropped, false when the bar was kept and flagged.</param>
public sealed record BarIssue(string Source, long Line, string Column, string Problem, bool Skipped);
