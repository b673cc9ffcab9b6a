namespace Alpha.Retraining;

/// <summary>
/// Exponential backoff with jitter between a run's attempts: attempt k (k ≥ 1 failed attempts so far) waits
/// <c>delay · 2^(k−1) · u</c>, u uniform in [0.5, 1.5) from a seeded generator — so hosts retrying together spread out,
/// and a test replays the same waits.
/// </summary>
public sealed class RetryBackoff
{
    private readonly Random _random;

    /// <summary>Creates the backoff.</summary>
    /// <param name="delay">The first wait's centre (<c>retrain_retry_delay_minutes</c>); positive.</param>
    /// <param name="maxRetries">Retries after the first attempt (<c>retrain_retry_max</c>; seed 003: 2); 0 or more.</param>
    /// <param name="seed">The jitter's seed.</param>
    public RetryBackoff(TimeSpan delay, int maxRetries, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        (Delay, MaxRetries, _random) = (delay, maxRetries, new Random(seed));
    }

    /// <summary>The first wait's centre.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; }

    /// <summary>Whether a run that has made <paramref name="attempts"/> attempts may make another.</summary>
    public bool MayRetry(int attempts) => attempts <= MaxRetries;

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed attempt (1 for the first).</summary>
    public TimeSpan Wait(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        double factor = Math.Pow(2, Math.Min(failedAttempts - 1, 20)) * (0.5 + _random.NextDouble());
        return TimeSpan.FromTicks((long)(Delay.Ticks * factor));
    }
}
