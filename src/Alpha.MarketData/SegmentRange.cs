namespace Alpha.MarketData;

/// <summary>A segment's bars on the aligned axis: [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <param name="Start">First bar of the segment.</param>
/// <param name="End">One past the last bar.</param>
public readonly record struct SegmentRange(int Start, int End)
{
    /// <summary>Number of bars.</summary>
    public int Length => End - Start;
}
