namespace Alpha.Monitoring;

/// <summary>The package's NaN/∞ policy: monitoring inputs are finite, or the call is refused naming the first bad index.</summary>
internal static class Finite
{
    public static void Check(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {values[i]}: monitoring takes finite values only.", name);
            }
        }
    }
}
