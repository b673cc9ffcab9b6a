using Xunit.Sdk;

namespace Alpha.TestUtils;

/// <summary>The one tolerance helper of the test suite.</summary>
public static class Numeric
{
    /// <summary>
    /// Asserts |expected − actual| ≤ max(abs, rel · max(1, |expected|)). NaN equals NaN and an infinity equals
    /// only itself, so a missing value is never silently accepted as a number.
    /// </summary>
    public static void AssertClose(double expected, double actual, double rel = 1e-12, double abs = 0, string? what = null)
    {
        if (IsClose(expected, actual, rel, abs))
        {
            return;
        }

        throw new XunitException(
            $"{what ?? "value"}: expected {expected:R}, actual {actual:R} (|diff| {Math.Abs(expected - actual):R}, rel {rel:R}, abs {abs:R})");
    }

    /// <summary>Element-wise <see cref="AssertClose(double, double, double, double, string?)"/> with equal lengths.</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rel = 1e-12, double abs = 0, string? what = null)
    {
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"{what ?? "values"}: expected length {expected.Length}, actual {actual.Length}");
        }

        for (int i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i], actual[i], rel, abs, $"{what ?? "values"}[{i}]");
        }
    }

    /// <summary>The comparison behind <see cref="AssertClose(double, double, double, double, string?)"/>, for properties.</summary>
    public static bool IsClose(double expected, double actual, double rel = 1e-12, double abs = 0)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual);
        }

        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            return expected.Equals(actual);
        }

        double tolerance = Math.Max(abs, rel * Math.Max(1.0, Math.Abs(expected)));
        return Math.Abs(expected - actual) <= tolerance;
    }
}
