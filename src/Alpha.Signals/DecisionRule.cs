namespace Alpha.Signals;

/// <summary>
/// The decision rule of DESIGN.md § 5, in one place for the backtest, the θ search and the live engine: enter ⇔
/// return_prob &gt; θ1 and risk_score &lt; θ2, with risk_flag = 1 ⇔ risk_score ≥ θ2. Both probabilities are first
/// clipped to [<see cref="Clip"/>, 1 − <see cref="Clip"/>], so the strict comparisons stay meaningful at θ = 0 or 1.
/// A NaN probability (no prediction) never enters and is always risky.
/// </summary>
public static class DecisionRule
{
    /// <summary>The clip applied to both probabilities before comparing: 1e-6.</summary>
    public const double Clip = 1e-6;

    /// <summary>Whether AI1's return probability clears θ1 (clipped <paramref name="returnProb"/> &gt; <paramref name="theta1"/>); false for NaN.</summary>
    public static bool ClearsTheta1(double returnProb, double theta1) => Clipped(returnProb) > theta1;

    /// <summary>risk_flag: whether AI2's risk score reaches θ2 (clipped <paramref name="riskScore"/> ≥ <paramref name="theta2"/>); true for NaN.</summary>
    public static bool IsRisky(double riskScore, double theta2) => !(Clipped(riskScore) < theta2);

    /// <summary>Whether a candidate entry may trade: <see cref="ClearsTheta1"/> and not <see cref="IsRisky"/>.</summary>
    public static bool Enters(double returnProb, double riskScore, double theta1, double theta2) =>
        ClearsTheta1(returnProb, theta1) && !IsRisky(riskScore, theta2);

    private static double Clipped(double probability) => Math.Clamp(probability, Clip, 1 - Clip);
}
