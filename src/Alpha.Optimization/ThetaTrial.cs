namespace Alpha.Optimization;

/// <summary>One evaluated θ.</summary>
/// <param name="Theta">The thresholds.</param>
/// <param name="Objective">Annual return − λ_dd·max(0, MaxDD − limit) − λ_fp·false-positive rate.</param>
/// <param name="Feasible">Whether it trades at least the minimum × the in-sample margin.</param>
/// <param name="Evaluation">What the backtest reported.</param>
/// <param name="Stage">"corner", "grid", "tpe", "stabilised" or "previous".</param>
public sealed record ThetaTrial(Theta Theta, double Objective, bool Feasible, ThetaEvaluation Evaluation, string Stage);
