namespace Alpha.Labeling;

/// <summary>Checks shared by the price-path labelers.</summary>
internal static class Prices
{
    public static void Check(ReadOnlySpan<double> prices, ReadOnlySpan<int> segment)
    {
        if (!segment.IsEmpty && segment.Length != prices.Length)
        {
            throw new ArgumentException($"segment has {segment.Length} values for {prices.Length} prices.", nameof(segment));
        }

        for (int i = 0; i < prices.Length; i++)
        {
            if (!double.IsFinite(prices[i]) || prices[i] <= 0)
            {
                throw new ArgumentException($"prices[{i}] is {prices[i]}; prices must be finite and positive.", nameof(prices));
            }
        }
    }

    /// <summary>Whether bars from..to are all in one segment (−1 is no segment). Segments are contiguous, so the ends decide.</summary>
    public static bool SameSegment(ReadOnlySpan<int> segment, int from, int to) =>
        segment.IsEmpty || (segment[from] >= 0 && segment[from] == segment[to]);
}
