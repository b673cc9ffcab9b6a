namespace Alpha.Boosting.Training;

/// <summary>
/// LightGBM parameters, named as LightGBM names them. The defaults are this suite's retrain policy (DESIGN.md § 5):
/// binary, learning_rate 0.05, num_leaves 15, max_depth 4, feature_fraction 0.8, bagging_fraction 0.8, bagging_freq 1,
/// min_data_in_leaf 20, lambda_l2 1, seed 42 — not LightGBM's own defaults — under the determinism profile
/// (<c>deterministic=true</c>, <c>force_row_wise=true</c>): with the thread count fixed, the same data and
/// parameters give a byte-identical <c>model.txt</c>.
/// </summary>
public sealed record LightGbmParameters : BoosterParameters
{
    /// <inheritdoc/>
    /// <value>Always <c>lightgbm</c>.</value>
    public override string Booster => "lightgbm";

    /// <summary>The objective: <c>binary</c>, <c>multiclass</c> (with <see cref="NumClass"/>) or <c>regression</c>.</summary>
    /// <value>The default is <c>binary</c>.</value>
    public string Objective { get; init; } = "binary";

    /// <summary>Number of classes for <c>multiclass</c>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? NumClass { get; init; }

    /// <summary>Boosting type: <c>gbdt</c>, <c>rf</c> (random forest: needs bagging) or <c>dart</c>.</summary>
    /// <value>The default is <c>gbdt</c>.</value>
    public string Boosting { get; init; } = "gbdt";

    /// <summary>Shrinkage per round.</summary>
    /// <value>The default is 0.05.</value>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Maximum leaves per tree.</summary>
    /// <value>The default is 15.</value>
    public int NumLeaves { get; init; } = 15;

    /// <summary>Maximum tree depth; -1 for no limit.</summary>
    /// <value>The default is 4.</value>
    public int MaxDepth { get; init; } = 4;

    /// <summary>Share of the features each tree may use.</summary>
    /// <value>The default is 0.8.</value>
    public double FeatureFraction { get; init; } = 0.8;

    /// <summary>Share of the rows each bagging round draws.</summary>
    /// <value>The default is 0.8.</value>
    public double BaggingFraction { get; init; } = 0.8;

    /// <summary>Bagging every this many rounds; 0 turns bagging off.</summary>
    /// <value>The default is 1.</value>
    public int BaggingFrequency { get; init; } = 1;

    /// <summary>Minimum rows in a leaf.</summary>
    /// <value>The default is 20.</value>
    public int MinDataInLeaf { get; init; } = 20;

    /// <summary>Minimum sum of hessians (weights, for log loss) in a leaf.</summary>
    /// <value>The default is 0.001.</value>
    public double MinSumHessianInLeaf { get; init; } = 1e-3;

    /// <summary>L1 regularisation.</summary>
    /// <value>The default is 0.</value>
    public double LambdaL1 { get; init; }

    /// <summary>L2 regularisation.</summary>
    /// <value>The default is 1.</value>
    public double LambdaL2 { get; init; } = 1.0;


    /// <summary>The metric scored on the validation set: <see cref="BoosterParameters.EvalMetric"/>, or the objective's (binary_logloss, multi_logloss, l2).</summary>
    public string Metric => EvalMetric ?? Objective switch
    {
        "multiclass" => "multi_logloss",
        "regression" => "l2",
        _ => "binary_logloss",
    };

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, string>> ToNative()
    {
        Validate();
        var list = new List<KeyValuePair<string, string>>
        {
            new("objective", Objective),
            new("boosting", Boosting),
            new("learning_rate", Format(LearningRate)),
            new("num_leaves", Format(NumLeaves)),
            new("max_depth", Format(MaxDepth)),
            new("feature_fraction", Format(FeatureFraction)),
            new("bagging_fraction", Format(BaggingFraction)),
            new("bagging_freq", Format(BaggingFrequency)),
            new("min_data_in_leaf", Format(MinDataInLeaf)),
            new("min_sum_hessian_in_leaf", Format(MinSumHessianInLeaf)),
            new("lambda_l1", Format(LambdaL1)),
            new("lambda_l2", Format(LambdaL2)),
            new("metric", Metric),
            new("seed", Format(Seed)),
            new("deterministic", "true"),
            new("force_row_wise", "true"),
            new("num_threads", Format(Threads)),
            new("verbosity", "-1"),
        };
        if (NumClass is int classes)
        {
            list.Add(new("num_class", Format(classes)));
        }

        return WithExtra(list);
    }

    /// <inheritdoc/>
    public override void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Objective, nameof(Objective));
        ArgumentException.ThrowIfNullOrWhiteSpace(Boosting, nameof(Boosting));
        RequireFraction(LearningRate, nameof(LearningRate));
        RequireFraction(FeatureFraction, nameof(FeatureFraction));
        RequireFraction(BaggingFraction, nameof(BaggingFraction));
        ArgumentOutOfRangeException.ThrowIfLessThan(NumLeaves, 2, nameof(NumLeaves));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NumLeaves, 131_072, nameof(NumLeaves));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, -1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, 64, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfNegative(BaggingFrequency, nameof(BaggingFrequency));
        ArgumentOutOfRangeException.ThrowIfNegative(MinDataInLeaf, nameof(MinDataInLeaf));
        ArgumentOutOfRangeException.ThrowIfNegative(Threads, nameof(Threads));
        RequireNonNegative(MinSumHessianInLeaf, nameof(MinSumHessianInLeaf));
        RequireNonNegative(LambdaL1, nameof(LambdaL1));
        RequireNonNegative(LambdaL2, nameof(LambdaL2));
        if (Objective == "multiclass" && NumClass is not (>= 2))
        {
            throw new ArgumentException("The multiclass objective needs NumClass ≥ 2.", nameof(NumClass));
        }
    }
}
