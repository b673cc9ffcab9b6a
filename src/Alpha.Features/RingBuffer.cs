namespace Alpha.Features;

/// <summary>The last <c>capacity</c> values, oldest first through the indexer; no allocation after construction.</summary>
internal sealed class RingBuffer(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private int _head;

    public int Count { get; private set; }

    public bool IsFull => Count == capacity;

    /// <summary>The <paramref name="k"/>-th oldest value in the buffer.</summary>
    public double this[int k] => _values[(_head - Count + k + capacity) % capacity];

    public void Add(double x)
    {
        _values[_head] = x;
        _head = (_head + 1) % capacity;
        Count = Math.Min(Count + 1, capacity);
    }

    public void Clear()
    {
        _head = 0;
        Count = 0;
    }
}
