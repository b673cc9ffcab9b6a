namespace Alpha.Calibration;

/// <summary>
/// An input that cannot be calibrated or scored: NaN or ±∞, a label outside {0, 1}, a probability outside [0, 1],
/// a length mismatch, a single class where two are needed. <see cref="ArgumentException.ParamName"/> names the
/// argument and <see cref="Index"/> the first offending sample (−1 when the fault is not one sample's).
/// </summary>
public sealed class InvalidSampleException : ArgumentException
{
    /// <summary>Creates the exception for argument <paramref name="paramName"/> at <paramref name="index"/>.</summary>
    public InvalidSampleException(string paramName, int index, string message)
        : base(message, paramName)
    {
        Index = index;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidSampleException()
        : this("The input is invalid.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidSampleException(string message)
        : base(message)
    {
        Index = -1;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public InvalidSampleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Index = -1;
    }

    /// <summary>The 0-based index of the first offending sample, or −1.</summary>
    public int Index { get; }
}
