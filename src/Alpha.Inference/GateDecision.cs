namespace Alpha.Inference;

/// <summary>A trading kind's model gates for one row: whether calibrated return_prob clears θ1 and risk_score stays under θ2.</summary>
/// <param name="Theta1">θ1.</param>
/// <param name="Theta2">θ2.</param>
/// <param name="PassesGates">Both gates pass: a candidate bar (|z| in the entry band, speed limit) would enter.</param>
public sealed record GateDecision(double Theta1, double Theta2, bool PassesGates);
