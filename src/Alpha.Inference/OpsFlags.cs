namespace Alpha.Inference;

/// <summary>
/// Operator flags for one model and pair (DESIGN.md § 6 "Inference"): soft halt (no new entries), hard halt (no
/// signals at all), flatten (exit now, no entries) and a leverage scale on new entries.
/// </summary>
/// <param name="SoftHalt">No new entries; exits continue.</param>
/// <param name="HardHalt">No signals: the engine keeps its features current and decides nothing.</param>
/// <param name="Flatten">Exit an open position at the next open; no new entries.</param>
/// <param name="LeverageScale">Multiplies the position scale of new entries, in (0, 1].</param>
public readonly record struct OpsFlags(bool SoftHalt, bool HardHalt, bool Flatten, double LeverageScale)
{
    /// <summary>Trading normally: no halt, no flatten, full size.</summary>
    public static OpsFlags Normal => new(false, false, false, 1.0);

    /// <summary>The fail-safe when the flags cannot be read: a soft halt.</summary>
    public static OpsFlags FailSafe => new(true, false, false, 1.0);

    /// <summary>Both flags at once: each halt or flatten either sets, and the smaller leverage scale (the most restrictive of the two).</summary>
    public OpsFlags Combine(OpsFlags other) =>
        new(SoftHalt || other.SoftHalt, HardHalt || other.HardHalt, Flatten || other.Flatten, Math.Min(LeverageScale, other.LeverageScale));

    /// <summary>Whether these flags already restrict at least as much as <paramref name="other"/>.</summary>
    public bool Covers(OpsFlags other) => Combine(other) == this;
}
