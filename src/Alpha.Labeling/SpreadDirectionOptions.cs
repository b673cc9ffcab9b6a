namespace Alpha.Labeling;

/// <summary>
/// The 3-class direction labels of the pair spread (seed 001's up / range / down, on the spread): the entry-fixed move
/// z^t_{t+h} − z_t over <see cref="HorizonBars"/> bars, against ±<see cref="Threshold"/> (σ units).
/// </summary>
public sealed record SpreadDirectionOptions
{
    /// <summary>h: bars ahead; default 12, in [1, 10,000].</summary>
    public int HorizonBars { get; init; } = 12;

    /// <summary>The move, in the decision bar's σ, beyond which the label is up (above +threshold) or down (below −threshold); default 0.5, positive and finite.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the parameter names it).</exception>
    public void Validate()
    {
        if (HorizonBars is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(HorizonBars), HorizonBars, "Must be in [1, 10000].");
        }

        if (!double.IsFinite(Threshold) || Threshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Must be positive and finite.");
        }
    }
}
