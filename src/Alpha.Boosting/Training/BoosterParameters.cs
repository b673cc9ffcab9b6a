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

    /// <summary>The parameters as the booster's own name/value pairs, in a fixed order.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names the parameter).</exception>
    public abstract IReadOnlyList<KeyValuePair<string, string>> ToNative();
}
