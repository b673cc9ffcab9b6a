namespace Alpha.Optimization;

/// <summary>The entry thresholds: enter when return_prob &gt; <paramref name="Theta1"/> and risk_score &lt; <paramref name="Theta2"/>.</summary>
/// <param name="Theta1">Threshold on AI1's calibrated return probability.</param>
/// <param name="Theta2">Threshold on AI2's calibrated risk score.</param>
public readonly record struct Theta(double Theta1, double Theta2);
