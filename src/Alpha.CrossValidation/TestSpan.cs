namespace Alpha.CrossValidation;

/// <summary>
/// The bars a test block's labels look at: [<see cref="Start"/>, <see cref="End"/>] = [smallest t0, largest t1]
/// of its samples, inclusive.
/// </summary>
/// <param name="Start">First bar (the smallest t0 of the block).</param>
/// <param name="End">Last bar (the largest t1 of the block).</param>
public readonly record struct TestSpan(int Start, int End)
{
    /// <summary>
    /// Whether this span excludes the sample [<paramref name="t0"/>, <paramref name="t1"/>] from training: its interval
    /// meets the span widened by <paramref name="purgeBars"/> on both sides, or its t0 lies in the
    /// <paramref name="embargoBars"/> after the widened span. Use it to purge samples of another label set (with
    /// other intervals) against a fold's test spans.
    /// </summary>
    public bool Excludes(int t0, int t1, int purgeBars, int embargoBars) =>
        (long)t0 <= (long)End + purgeBars + embargoBars && (long)t1 >= (long)Start - purgeBars;
}
