using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Alpha.Cli;

/// <summary>
/// Options shared by several commands, and numeric options that check their own range: a bad value is a usage error
/// (exit 2) naming the option and what it accepts.
/// </summary>
internal static class CliOptions
{
    public static Option<DirectoryInfo> Config(bool required) => new("--config")
    {
        Description = "Folder with core_policy.yaml, retrain_policy.yaml and backtest_policy.yaml.",
        Required = required,
    };

    public static Option<DirectoryInfo> Model() => new("--model")
    {
        Description = "A model version folder (models/<version>).",
        Required = true,
    };

    /// <summary>A whole-number option from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Integer(string name, string description, int defaultValue, int min, int max) => new(name)
    {
        Description = $"{description} From {min:N0} to {max:N0}; default {defaultValue:N0}.",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse<int>(result, name, $"a whole number from {min:N0} to {max:N0}", text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max ? v : null) ?? defaultValue,
    };

    /// <summary>An optional number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<double?> Number(string name, string description, double min, double max) => new(name)
    {
        Description = description,
        CustomParser = result => Parse<double>(result, name, $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}", text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= min && v <= max ? v : null),
    };

    /// <summary>A required UTC time: a date (midnight) or a date and time, e.g. 2023-01-01 or 2023-01-01T08:00.</summary>
    public static Option<DateTime?> Time(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result => Parse<DateTime>(result, name, "a UTC date or time (e.g. 2023-01-01)", text =>
            DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime t) ? t : null),
    };

    private static T? Parse<T>(ArgumentResult result, string name, string accepts, Func<string, T?> parse)
        where T : struct
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        T? value = parse(text);
        if (value is null)
        {
            result.AddError($"{name} must be {accepts} (got '{text}').");
        }

        return value;
    }
}
