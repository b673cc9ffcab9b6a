namespace Alpha.CrossValidation;

/// <summary>Settings of <see cref="WalkForward"/>. Window sizes are in samples; purge and embargo in bars.</summary>
public sealed record WalkForwardOptions
{
    /// <summary>Samples in each training window (the first one when <see cref="Expanding"/>).</summary>
    /// <value>The default is 1,000 samples.</value>
    public int TrainSize { get; init; } = 1000;

    /// <summary>Samples in each test window; the window then steps forward by this much.</summary>
    /// <value>The default is 250 samples.</value>
    public int TestSize { get; init; } = 250;

    /// <summary>Whether training grows from the first sample (true) or rolls with a fixed size (false).</summary>
    /// <value>The default is <see langword="false"/> (rolling).</value>
    public bool Expanding { get; init; }

    /// <summary>Samples skipped between a training window and its test window.</summary>
    /// <value>The default is 0.</value>
    public int Gap { get; init; }

    /// <summary>Bars by which each test span is widened before purging overlapping training labels.</summary>
    /// <value>The default is 24 bars.</value>
    public int PurgeBars { get; init; } = 24;

    /// <summary>Bars after the widened test span in which a training sample may not start.</summary>
    /// <value>The default is 24 bars (without effect while training lies before the test window).</value>
    public int EmbargoBars { get; init; } = 24;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TrainSize, nameof(TrainSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TestSize, nameof(TestSize));
        ArgumentOutOfRangeException.ThrowIfNegative(Gap, nameof(Gap));
        ArgumentOutOfRangeException.ThrowIfNegative(PurgeBars, nameof(PurgeBars));
        ArgumentOutOfRangeException.ThrowIfNegative(EmbargoBars, nameof(EmbargoBars));
    }
}
