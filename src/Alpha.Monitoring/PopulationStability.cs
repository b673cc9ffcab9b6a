using MathNet.Numerics.Distributions;

namespace Alpha.Monitoring;

/// <summary>The population stability index (PSI) of a live window against a frozen reference distribution.</summary>
public static class PopulationStability
{
    /// <summary>
    /// PSI = Σᵢ (aᵢ − eᵢ) · ln(aᵢ / eᵢ) over the reference's ten bins, aᵢ and eᵢ the live and reference shares, a share of
    /// zero taken as <see cref="MonitoringOptions.Epsilon"/>; with the χ² critical value for these sample sizes and the
    /// level against the thresholds (insufficient below <see cref="MonitoringOptions.MinWindow"/>, the PSI then NaN).
    /// </summary>
    /// <exception cref="ArgumentException">A live value is NaN or infinite.</exception>
    public static PsiResult Compute(DriftDistribution reference, ReadOnlySpan<double> live, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        var counts = DecileEdges.Counts(reference.Edges.AsSpan(), live);
        double critical = CriticalValue(live.Length, reference.Count, reference.Counts.Length - 1, options.Alpha);
        if (live.Length < options.MinWindow)
        {
            return new PsiResult(reference.Name, double.NaN, counts, reference.Counts, critical, MonitorLevel.Insufficient);
        }

        double psi = Index(counts.AsSpan(), reference.Counts.AsSpan(), options.Epsilon);
        MonitorLevel level = psi >= options.PsiAlert ? MonitorLevel.Alert : psi >= options.PsiWarn ? MonitorLevel.Warn : MonitorLevel.Ok;
        return new PsiResult(reference.Name, psi, counts, reference.Counts, critical, level);
    }

    /// <summary>The PSI of two count vectors over the same bins, empty shares taken as <paramref name="epsilon"/>.</summary>
    /// <exception cref="ArgumentException">The vectors differ in length, a count is negative, or either is all zero.</exception>
    public static double Index(ReadOnlySpan<int> actual, ReadOnlySpan<int> expected, double epsilon)
    {
        if (actual.Length != expected.Length || actual.Length == 0)
        {
            throw new ArgumentException($"The count vectors must have one equal, positive length ({actual.Length} and {expected.Length}).", nameof(actual));
        }

        double n = Total(actual, nameof(actual)), m = Total(expected, nameof(expected));
        double psi = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double a = actual[i] == 0 ? epsilon : actual[i] / n, e = expected[i] == 0 ? epsilon : expected[i] / m;
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>
    /// χ²_{df}(1 − α) · (1/n + 1/m): for small differences PSI ≈ Σ (a − e)²/e, and nm/(n + m) times that is the two-sample
    /// χ² statistic with (bins − 1) degrees of freedom when both samples come from one distribution.
    /// </summary>
    public static double CriticalValue(int liveCount, int referenceCount, int degreesOfFreedom, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return liveCount < 1 || referenceCount < 1
            ? double.PositiveInfinity
            : ChiSquared.InvCDF(degreesOfFreedom, 1 - alpha) * ((1.0 / liveCount) + (1.0 / referenceCount));
    }

    private static double Total(ReadOnlySpan<int> counts, string name)
    {
        long total = 0;
        foreach (int c in counts)
        {
            total += c >= 0 ? c : throw new ArgumentException($"{name} holds a negative count.", name);
        }

        return total > 0 ? total : throw new ArgumentException($"{name} holds no value.", name);
    }
}
