namespace Alpha.Monitoring;

/// <summary>One rule that fired (at warn or alert), with the number that fired it.</summary>
/// <param name="Rule">The rule: <c>psi</c>, <c>mean_shift</c>, <c>win_rate_gap</c>, <c>auc_drop</c>, <c>pass_rate_band</c>, <c>risk_flag_streak</c>.</param>
/// <param name="Subject">What it concerns (an input's name, <c>ai1</c>, <c>ai2</c>, <c>trades</c>).</param>
/// <param name="Level">Warn or alert.</param>
/// <param name="Value">The measured number.</param>
/// <param name="Threshold">The threshold it crossed.</param>
/// <param name="Detail">The finding in words, with its counts.</param>
public sealed record Finding(string Rule, string Subject, MonitorLevel Level, double Value, double Threshold, string Detail);
