namespace Alpha.Backtesting;

/// <summary>Argument checks the BCL helpers do not cover.</summary>
internal static class Guard
{
    public static void NonNegative(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite and non-negative.");
        }
    }
}
