using System.Globalization;

namespace Alpha.Cli;

/// <summary>How the CLI's tables print a number: invariant culture, "n/a" for NaN or ±∞.</summary>
internal static class Cell
{
    public static string Number(double value, string format = "F2") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
