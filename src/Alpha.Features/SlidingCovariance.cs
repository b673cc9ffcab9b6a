namespace Alpha.Features;

/// <summary>
/// Co-moments Σ(x_p − x̄_p)(x_q − x̄_q) of k variables over the last <c>capacity</c> observations, updated in O(k²)
/// per observation without allocation. Sums are kept about a shift (the first value, then the window mean at each
/// exact recomputation) so they do not cancel catastrophically, and are recomputed from the ring buffer every
/// <c>recomputeEvery</c> additions so rounding cannot drift.
/// </summary>
internal sealed class SlidingCovariance
{
    private readonly int _k;
    private readonly int _capacity;
    private readonly int _recomputeEvery;
    private readonly double[] _ring;
    private readonly double[] _shift;
    private readonly double[] _sum;
    private readonly double[] _cross;
    private int _count;
    private int _head;
    private int _sinceRecompute;

    public SlidingCovariance(int variables, int capacity, int recomputeEvery)
    {
        _k = variables;
        _capacity = capacity;
        _recomputeEvery = recomputeEvery;
        _ring = new double[variables * capacity];
        _shift = new double[variables];
        _sum = new double[variables];
        _cross = new double[variables * variables];
    }

    /// <summary>Number of observations in the window (at most the capacity).</summary>
    public int Count => _count;

    /// <summary>Whether the window holds <c>capacity</c> observations.</summary>
    public bool IsFull => _count == _capacity;

    public void Add(double x0) => Add(x0, 0, 0, 0);

    public void Add(double x0, double x1) => Add(x0, x1, 0, 0);

    /// <summary>Adds one observation (only the first k values are used), dropping the oldest when full.</summary>
    public void Add(double x0, double x1, double x2, double x3)
    {
        if (_count == 0)
        {
            SetShift(x0, x1, x2, x3);
        }

        int slot = _head * _k;
        if (_count == _capacity)
        {
            Accumulate(slot, -1);
        }
        else
        {
            _count++;
        }

        Span<double> values = [x0, x1, x2, x3];
        values[.._k].CopyTo(_ring.AsSpan(slot, _k));
        Accumulate(slot, +1);
        _head = (_head + 1) % _capacity;

        if (++_sinceRecompute >= _recomputeEvery && IsFull)
        {
            Recompute();
        }
    }

    /// <summary>The window mean of variable <paramref name="p"/>.</summary>
    public double Mean(int p) => _shift[p] + (_sum[p] / _count);

    /// <summary>Σ(x_p − x̄_p)(x_q − x̄_q) over the window.</summary>
    public double Comoment(int p, int q) => _cross[(p * _k) + q] - (_sum[p] * _sum[q] / _count);

    public void Clear()
    {
        _count = 0;
        _head = 0;
        _sinceRecompute = 0;
        Array.Clear(_sum);
        Array.Clear(_cross);
    }

    private void SetShift(double x0, double x1, double x2, double x3)
    {
        Span<double> values = [x0, x1, x2, x3];
        values[.._k].CopyTo(_shift);
    }

    // Adds (sign +1) or removes (sign −1) the observation stored at `slot` from the shifted sums.
    private void Accumulate(int slot, int sign)
    {
        for (int p = 0; p < _k; p++)
        {
            double dp = _ring[slot + p] - _shift[p];
            _sum[p] += sign * dp;
            for (int q = p; q < _k; q++)
            {
                double value = _cross[(p * _k) + q] + (sign * dp * (_ring[slot + q] - _shift[q]));
                _cross[(p * _k) + q] = value;
                _cross[(q * _k) + p] = value;
            }
        }
    }

    // Exact sums about the current window mean.
    private void Recompute()
    {
        for (int p = 0; p < _k; p++)
        {
            _shift[p] = Mean(p);
        }

        Array.Clear(_sum);
        Array.Clear(_cross);
        for (int j = 0; j < _count; j++)
        {
            Accumulate(j * _k, +1);
        }

        _sinceRecompute = 0;
    }
}
