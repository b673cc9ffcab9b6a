namespace Alpha.Calibration;

/// <summary>Input checks shared by the calibrators and metrics; every failure names the argument and the index.</summary>
internal static class Guard
{
    /// <summary>Rejects NaN and ±∞, which <c>ArgumentOutOfRangeException.ThrowIfNegative</c> lets through.</summary>
    public static void Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number.");
        }
    }

    public static void AllFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new InvalidSampleException(paramName, i, $"{paramName}[{i}] is {values[i]}; only finite numbers are accepted.");
            }
        }
    }

    public static void BinaryLabels(ReadOnlySpan<double> labels, string paramName)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0.0 or 1.0))
            {
                throw new InvalidSampleException(paramName, i, $"{paramName}[{i}] is {labels[i]}; labels must be 0 or 1.");
            }
        }
    }

    public static void Probabilities(ReadOnlySpan<double> probabilities, string paramName)
    {
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (!(probabilities[i] >= 0.0 && probabilities[i] <= 1.0))
            {
                throw new InvalidSampleException(paramName, i, $"{paramName}[{i}] is {probabilities[i]}; probabilities must lie in [0, 1].");
            }
        }
    }

    public static void SameLength(int expected, int actual, string paramName)
    {
        if (expected != actual)
        {
            throw new InvalidSampleException(paramName, -1, $"{paramName} has {actual} values but {expected} were expected (one per sample).");
        }
    }

    public static void NotEmpty(int length, string paramName)
    {
        if (length == 0)
        {
            throw new InvalidSampleException(paramName, -1, $"{paramName} is empty.");
        }
    }

    /// <summary>Optional weights: empty means all 1; otherwise one finite, non-negative weight per sample.</summary>
    public static void Weights(ReadOnlySpan<double> weights, int count, string paramName)
    {
        if (weights.IsEmpty)
        {
            return;
        }

        SameLength(count, weights.Length, paramName);
        for (int i = 0; i < weights.Length; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw new InvalidSampleException(paramName, i, $"{paramName}[{i}] is {weights[i]}; weights must be finite and non-negative.");
            }
        }
    }
}
