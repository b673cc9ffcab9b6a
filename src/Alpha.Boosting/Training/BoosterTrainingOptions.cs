namespace Alpha.Boosting.Training;

/// <summary>How long to train (DESIGN.md § 5: up to 1,000 rounds, early stopping with patience 50).</summary>
public sealed record BoosterTrainingOptions
{
    /// <summary>Boosting rounds at most.</summary>
    /// <value>The default is 1,000.</value>
    public int MaxRounds { get; init; } = 1000;

    /// <summary>
    /// Stop when the last evaluation set's last metric has not improved for this many rounds; the model keeps the
    /// rounds up to the best one. <see langword="null"/> trains every round.
    /// </summary>
    /// <value>The default is 50 rounds (needs at least one evaluation set).</value>
    public int? EarlyStoppingRounds { get; init; } = 50;

    /// <summary>Throws unless the options are in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">MaxRounds or EarlyStoppingRounds is not positive.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRounds, nameof(MaxRounds));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRounds, 100_000, nameof(MaxRounds));
        if (EarlyStoppingRounds is int patience)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience, nameof(EarlyStoppingRounds));
        }
    }
}
