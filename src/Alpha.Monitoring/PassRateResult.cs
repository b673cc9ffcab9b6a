namespace Alpha.Monitoring;

/// <summary>The AI2 pass rate — the share of live candidates whose risk score is below θ2 — against its band.</summary>
/// <param name="Passed">Candidates with risk score below θ2.</param>
/// <param name="Candidates">Live candidates.</param>
/// <param name="Rate">Passed / candidates (NaN without candidates).</param>
/// <param name="Low">The band's lower end.</param>
/// <param name="High">The band's upper end.</param>
/// <param name="Level">Insufficient below the minimum window; Warn outside the band; else Ok.</param>
public sealed record PassRateResult(int Passed, int Candidates, double Rate, double Low, double High, MonitorLevel Level);
