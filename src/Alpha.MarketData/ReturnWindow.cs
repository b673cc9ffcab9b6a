namespace Alpha.MarketData;

/// <summary>
/// The outlier test of one leg inside a segment: |Δ log close| above <c>sigmas</c> sample standard deviations
/// (ddof 1) of the previous <c>window</c> returns, from rolling sums.
/// </summary>
internal sealed class ReturnWindow(int window, double sigmas)
{
    private readonly double[] _returns = new double[window];
    private double _sum;
    private double _sumSquares;
    private int _seen;
    private double _lastClose = double.NaN;

    /// <summary>Starts a segment: no previous close, no returns.</summary>
    public void Reset()
    {
        _sum = _sumSquares = 0;
        _seen = 0;
        _lastClose = double.NaN;
    }

    /// <summary>Takes the segment's next close; whether its return is an outlier (never for the first bars).</summary>
    public bool Add(double close)
    {
        double previous = _lastClose;
        _lastClose = close;
        if (double.IsNaN(previous))
        {
            return false;
        }

        double r = Math.Log(close / previous);
        bool outlier = false;
        if (_seen >= window)
        {
            double mean = _sum / window;
            double variance = Math.Max(0, (_sumSquares - (window * mean * mean)) / (window - 1));
            outlier = Math.Abs(r) > sigmas * Math.Sqrt(variance);
            double old = _returns[_seen % window];
            _sum -= old;
            _sumSquares -= old * old;
        }

        _returns[_seen % window] = r;
        _sum += r;
        _sumSquares += r * r;
        _seen++;
        return outlier;
    }
}
