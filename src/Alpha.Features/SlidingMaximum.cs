namespace Alpha.Features;

/// <summary>Maximum of the last <c>capacity</c> values: a monotonic deque in ring arrays, O(1) amortised, no allocation.</summary>
internal sealed class SlidingMaximum(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private readonly long[] _positions = new long[capacity];
    private int _front;
    private int _size;
    private long _added;

    /// <summary>Number of values seen (the window is full once this reaches the capacity).</summary>
    public long Added => _added;

    /// <summary>The maximum of the window.</summary>
    public double Value => _values[_front];

    public void Add(double x)
    {
        // Values that can no longer be the maximum leave from the back.
        while (_size > 0 && _values[(_front + _size - 1) % capacity] <= x)
        {
            _size--;
        }

        int back = (_front + _size) % capacity;
        _values[back] = x;
        _positions[back] = _added;
        _size++;
        _added++;

        // The front leaves when it falls out of the window.
        if (_positions[_front] <= _added - 1 - capacity)
        {
            _front = (_front + 1) % capacity;
            _size--;
        }
    }

    public void Clear()
    {
        _front = 0;
        _size = 0;
        _added = 0;
    }
}
