namespace Alpha.Inference;

/// <summary>
/// Drawdown levels of <c>dd_policy.yaml</c> (DESIGN.md § 4, § 6): on the engine's equity (paper or live), as a fraction of
/// its running peak. At <see cref="Warn"/> new entries are sized by <see cref="WarnScale"/> (DD_WARN); at
/// <see cref="Halt"/> no new entries (DD_HALT, a soft halt); at <see cref="Flatten"/> the position exits and entries stop
/// (DD_FLATTEN). Levels hold until the drawdown recovers below them.
/// </summary>
public sealed record DrawdownLevels
{
    /// <summary>DD_WARN, in (0, 1).</summary>
    /// <value>The default is 0.05.</value>
    public double Warn { get; init; } = 0.05;

    /// <summary>The position scale of new entries at or beyond <see cref="Warn"/>, in (0, 1].</summary>
    /// <value>The default is 0.5.</value>
    public double WarnScale { get; init; } = 0.5;

    /// <summary>DD_HALT, at least <see cref="Warn"/>.</summary>
    /// <value>The default is 0.08.</value>
    public double Halt { get; init; } = 0.08;

    /// <summary>DD_FLATTEN, at least <see cref="Halt"/>.</summary>
    /// <value>The default is 0.12.</value>
    public double Flatten { get; init; } = 0.12;

    /// <summary>No levels: never raised (what a replay against the backtest uses).</summary>
    public static DrawdownLevels None { get; } = new() { Warn = 1, WarnScale = 1, Halt = 1, Flatten = 1 };

    /// <summary>
    /// The flags a drawdown raises: at <see cref="Flatten"/> flatten and halt; at <see cref="Halt"/> a soft halt; at
    /// <see cref="Warn"/> a leverage scale of <see cref="WarnScale"/>; below, none.
    /// </summary>
    /// <param name="drawdown">The drawdown from the running peak, as a fraction of the peak.</param>
    public OpsFlags FlagsAt(double drawdown) =>
        drawdown >= Flatten ? new OpsFlags(true, false, true, 1.0)
        : drawdown >= Halt ? new OpsFlags(true, false, false, 1.0)
        : drawdown >= Warn ? new OpsFlags(false, false, false, WarnScale)
        : OpsFlags.Normal;

    /// <summary>Checks the ranges and order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A level is out of range (named).</exception>
    public void Validate()
    {
        if (!(Warn > 0 && Warn <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Warn), Warn, "Warn must lie in (0, 1].");
        }

        if (!(WarnScale > 0 && WarnScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(WarnScale), WarnScale, "WarnScale must lie in (0, 1].");
        }

        if (!(Halt >= Warn && Halt <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Halt), Halt, "Halt must lie in [Warn, 1].");
        }

        if (!(Flatten >= Halt && Flatten <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Flatten), Flatten, "Flatten must lie in [Halt, 1].");
        }
    }
}
