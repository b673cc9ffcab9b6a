namespace Alpha.CrossValidation;

/// <summary>
/// A set of label events that cannot be split: a negative index, <c>t1 &lt; t0</c>, an index past the bar axis,
/// unsorted <c>t0</c> or a bad timestamp. <see cref="SampleIndex"/> names the first offending sample.
/// </summary>
public sealed class InvalidEventsException : ArgumentException
{
    /// <summary>Creates the exception for the sample at <paramref name="sampleIndex"/> (−1 when no single sample is at fault).</summary>
    public InvalidEventsException(string message, int sampleIndex, string? paramName = null)
        : base(message, paramName)
    {
        SampleIndex = sampleIndex;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidEventsException()
        : this("The label events are invalid.", -1)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidEventsException(string message)
        : this(message, -1)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public InvalidEventsException(string message, Exception innerException)
        : base(message, innerException)
    {
        SampleIndex = -1;
    }

    /// <summary>The 0-based index of the first offending sample (or bar, for timestamps); −1 when not about one sample.</summary>
    public int SampleIndex { get; }
}
