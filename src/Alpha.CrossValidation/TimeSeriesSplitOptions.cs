namespace Alpha.CrossValidation;

/// <summary>Settings of <see cref="TimeSeriesSplit"/>, named and defaulted as scikit-learn's <c>TimeSeriesSplit</c>. Sizes are in samples.</summary>
public sealed record TimeSeriesSplitOptions
{
    /// <summary>Number of splits.</summary>
    /// <value>The default is 5. At least 2.</value>
    public int Splits { get; init; } = 5;

    /// <summary>Samples per test set; <see langword="null"/> means <c>n / (Splits + 1)</c>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? TestSize { get; init; }

    /// <summary>Samples left out between the end of each training set and its test set.</summary>
    /// <value>The default is 0.</value>
    public int Gap { get; init; }

    /// <summary>Largest training set (the most recent samples are kept); <see langword="null"/> for an expanding window.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? MaxTrainSize { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Splits, 2, nameof(Splits));
        if (TestSize is int testSize)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testSize, nameof(TestSize));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Gap, nameof(Gap));
        if (MaxTrainSize is int maxTrain)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTrain, nameof(MaxTrainSize));
        }
    }
}
