namespace Alpha.CrossValidation;

/// <summary>Settings of <see cref="PurgedKFold"/>. All lengths are in bars of the events' axis.</summary>
public sealed record PurgedKFoldOptions
{
    /// <summary>Number of folds K (contiguous test groups).</summary>
    /// <value>The default is 5. At least 2.</value>
    public int Folds { get; init; } = 5;

    /// <summary>Bars by which each test span is widened on both sides before purging overlapping training labels.</summary>
    /// <value>The default is 24 bars. Zero or more.</value>
    public int PurgeBars { get; init; } = 24;

    /// <summary>Bars after the widened test span in which a training sample may not start.</summary>
    /// <value>The default is 24 bars. Zero or more.</value>
    public int EmbargoBars { get; init; } = 24;

    /// <summary>Smallest allowed group length: a split whose groups would be shorter is refused.</summary>
    /// <value>The default is 240 bars. At least 1.</value>
    public int MinBlockBars { get; init; } = 240;

    /// <summary>
    /// Checks folds, purge, embargo and the smallest group; the one place their ranges are defined (policy loaders call it too). Numbers must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Folds, 2, nameof(Folds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Folds, 1_000, nameof(Folds));
        ArgumentOutOfRangeException.ThrowIfNegative(PurgeBars, nameof(PurgeBars));
        ArgumentOutOfRangeException.ThrowIfNegative(EmbargoBars, nameof(EmbargoBars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinBlockBars, 1, nameof(MinBlockBars));
    }
}
