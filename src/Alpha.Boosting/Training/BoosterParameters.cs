using System.Collections.Immutable;
using System.Globalization;

namespace Alpha.Boosting.Training;

/// <summary>
/// Parameters of one booster, named as that booster names them; the settings every booster shares (seed, threads,
/// evaluation metric) live here. Records: vary one with <c>with</c>, as a hyper-parameter search does.
/// </summary>
public abstract record BoosterParameters
{
    /// <summary>The booster these parameters are for (<c>xgboost</c>, <c>lightgbm</c>): the <see cref="IBoosterTrainer.Name"/> that accepts them.</summary>
    public abstract string Booster { get; }

    /// <summary>Random seed (row and column subsampling): the same data, parameters and seed give a byte-identical model.</summary>
    /// <value>The default is 42.</value>
    public int Seed { get; init; } = 42;

    /// <summary>Native threads; 0 lets the booster use every core. Fix it for reproducible bytes: histogram sums depend on it in the last bits.</summary>
    /// <value>The default is 0.</value>
    public int Threads { get; init; }

    /// <summary>The metric scored on the validation set after each round, which drives early stopping; <see langword="null"/> uses the objective's default.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? EvalMetric { get; init; }

    /// <summary>Any other parameter by the booster's own name (e.g. XGBoost's <c>max_bin</c>, LightGBM's <c>categorical_feature</c>); these override the properties.</summary>
    /// <value>The default is empty.</value>
    public ImmutableDictionary<string, string> Extra { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The parameters as the booster's own name/value pairs, in a fixed order.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names the parameter).</exception>
    public abstract IReadOnlyList<KeyValuePair<string, string>> ToNative();

    /// <summary>Checks every parameter's range (the one place they are defined; policy loaders call it, and so does <see cref="ToNative"/>).</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public abstract void Validate();

    /// <summary><paramref name="native"/> with <see cref="Extra"/> applied: each extra pair replaces the one of its name, in name order at the end.</summary>
    private protected IReadOnlyList<KeyValuePair<string, string>> WithExtra(List<KeyValuePair<string, string>> native)
    {
        foreach (KeyValuePair<string, string> extra in Extra.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            native.RemoveAll(p => p.Key == extra.Key);
            native.Add(extra);
        }

        return native;
    }

    /// <summary>Throws unless <paramref name="value"/> lies in (0, 1] (a learning rate or a sampling fraction).</summary>
    private protected static void RequireFraction(double value, string name)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in (0, 1].");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and non-negative (a regularisation or a minimum weight).</summary>
    private protected static void RequireNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative.");
        }
    }

    /// <summary>A number as the native libraries parse it (round-trip, invariant culture).</summary>
    private protected static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer in the invariant culture.</summary>
    private protected static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
