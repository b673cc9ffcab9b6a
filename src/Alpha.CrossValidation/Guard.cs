namespace Alpha.CrossValidation;

/// <summary>Argument checks the BCL helpers do not cover.</summary>
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
}
