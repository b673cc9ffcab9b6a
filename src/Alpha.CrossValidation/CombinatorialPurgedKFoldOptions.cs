namespace Alpha.CrossValidation;

/// <summary>Settings of <see cref="CombinatorialPurgedKFold"/>. Lengths are in bars of the events' axis.</summary>
public sealed record CombinatorialPurgedKFoldOptions
{
    /// <summary>Number of contiguous groups N.</summary>
    /// <value>The default is 6. At least 2.</value>
    public int Groups { get; init; } = 6;

    /// <summary>Groups tested together in each split, k (C(N, k) splits, C(N−1, k−1) backtest paths).</summary>
    /// <value>The default is 2. Between 1 and N − 1.</value>
    public int TestGroups { get; init; } = 2;

    /// <summary>Bars by which each test block's span is widened on both sides before purging.</summary>
    /// <value>The default is 24 bars.</value>
    public int PurgeBars { get; init; } = 24;

    /// <summary>Bars after each widened test span in which a training sample may not start.</summary>
    /// <value>The default is 24 bars.</value>
    public int EmbargoBars { get; init; } = 24;

    /// <summary>Smallest allowed group length.</summary>
    /// <value>The default is 240 bars.</value>
    public int MinBlockBars { get; init; } = 240;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Groups, 2, nameof(Groups));
        ArgumentOutOfRangeException.ThrowIfLessThan(TestGroups, 1, nameof(TestGroups));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(TestGroups, Groups, nameof(TestGroups));
        ArgumentOutOfRangeException.ThrowIfNegative(PurgeBars, nameof(PurgeBars));
        ArgumentOutOfRangeException.ThrowIfNegative(EmbargoBars, nameof(EmbargoBars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinBlockBars, 1, nameof(MinBlockBars));
    }
}
