namespace Alpha.Benchmarks.Inference;

/// <summary>Latency statistics of the load tools.</summary>
internal static class LoadStats
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (in [0, 1]) of sorted values; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
