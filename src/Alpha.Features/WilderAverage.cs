namespace Alpha.Features;

/// <summary>Wilder's smoothing: the simple mean of the first n inputs, then avg = (avg·(n − 1) + x) / n. O(1), no allocation.</summary>
internal struct WilderAverage(int period)
{
    private int _count;
    private double _sum;

    /// <summary>The current average (valid once <see cref="Add"/> returned true).</summary>
    public double Value { get; private set; }

    /// <summary>Adds an input; returns whether the average is ready.</summary>
    public bool Add(double x)
    {
        if (_count < period)
        {
            _sum += x;
            _count++;
            if (_count < period)
            {
                return false;
            }

            Value = _sum / period;
            return true;
        }

        Value = ((Value * (period - 1)) + x) / period;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _sum = 0;
        Value = 0;
    }
}
