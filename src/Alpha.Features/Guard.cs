namespace Alpha.Features;

/// <summary>Input checks of the feature computations.</summary>
internal static class Guard
{
    public static void Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number.");
        }
    }

    public static void Lengths(int expected, params (int Length, string Name)[] arrays)
    {
        foreach ((int length, string name) in arrays)
        {
            if (length != expected)
            {
                throw new ArgumentException($"{name} has {length} values; every input needs {expected} (one per bar).", name);
            }
        }
    }

    public static void Prices(ReadOnlySpan<double> prices, string paramName)
    {
        for (int i = 0; i < prices.Length; i++)
        {
            if (!double.IsFinite(prices[i]) || prices[i] <= 0)
            {
                throw new ArgumentException($"{paramName}[{i}] is {prices[i]}; prices must be finite and positive.", paramName);
            }
        }
    }

    /// <summary>The [start, end) ranges of segments 0, 1, …; bars with segment −1 are in none. Each segment must be contiguous.</summary>
    public static List<(int Start, int End)> Segments(ReadOnlySpan<int> segment)
    {
        var ranges = new List<(int, int)>();
        int i = 0;
        while (i < segment.Length)
        {
            if (segment[i] < 0)
            {
                i++;
                continue;
            }

            int start = i;
            while (i < segment.Length && segment[i] == segment[start])
            {
                i++;
            }

            if (segment[start] != ranges.Count)
            {
                throw new ArgumentException($"segment[{start}] is {segment[start]}; segments must be numbered 0, 1, … in order and be contiguous.", nameof(segment));
            }

            ranges.Add((start, i));
        }

        return ranges;
    }
}
