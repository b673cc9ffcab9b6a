namespace Alpha.Monitoring;

/// <summary>Runs of consecutive live bars whose risk flag was raised (the AI2 gate closed).</summary>
/// <param name="Longest">The longest run in the window.</param>
/// <param name="Current">The run still going at the window's end.</param>
/// <param name="Bars">Bars in the window.</param>
/// <param name="Level">The longest run against the warn and alert lengths; Insufficient without bars.</param>
public sealed record RiskStreakResult(int Longest, int Current, int Bars, MonitorLevel Level);
