namespace Alpha.Boosting.Training;

/// <summary>
/// Booster parameters, named as XGBoost names them. The defaults are this suite's retrain policy (DESIGN.md § 5):
/// binary:logistic, eta 0.05, max_depth 4, subsample 0.8, colsample_bytree 0.8, min_child_weight 1, lambda 1,
/// tree_method hist, seed 42 — not XGBoost's own defaults.
/// </summary>
public sealed record XGBoostParameters : BoosterParameters
{
    /// <inheritdoc/>
    /// <value>Always <c>xgboost</c>.</value>
    public override string Booster => "xgboost";

    /// <summary>The objective.</summary>
    /// <value>The default is <c>binary:logistic</c>.</value>
    public string Objective { get; init; } = "binary:logistic";

    /// <summary>Learning rate (eta).</summary>
    /// <value>The default is 0.05.</value>
    public double Eta { get; init; } = 0.05;

    /// <summary>Maximum tree depth.</summary>
    /// <value>The default is 4.</value>
    public int MaxDepth { get; init; } = 4;

    /// <summary>Row subsample ratio per tree.</summary>
    /// <value>The default is 0.8.</value>
    public double Subsample { get; init; } = 0.8;

    /// <summary>Column subsample ratio per tree.</summary>
    /// <value>The default is 0.8.</value>
    public double ColsampleByTree { get; init; } = 0.8;

    /// <summary>L2 regularisation (lambda).</summary>
    /// <value>The default is 1.</value>
    public double Lambda { get; init; } = 1.0;

    /// <summary>L1 regularisation (alpha).</summary>
    /// <value>The default is 0.</value>
    public double Alpha { get; init; }

    /// <summary>Minimum sum of instance weight (hessian) in a child.</summary>
    /// <value>The default is 1.</value>
    public double MinChildWeight { get; init; } = 1.0;

    /// <summary>Tree construction algorithm.</summary>
    /// <value>The default is <c>hist</c>.</value>
    public string TreeMethod { get; init; } = "hist";




    /// <summary>Number of classes for multi:* objectives.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? NumClass { get; init; }


    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, string>> ToNative()
    {
        Validate();
        var list = new List<KeyValuePair<string, string>>
        {
            new("objective", Objective),
            new("eta", Format(Eta)),
            new("max_depth", Format(MaxDepth)),
            new("subsample", Format(Subsample)),
            new("colsample_bytree", Format(ColsampleByTree)),
            new("lambda", Format(Lambda)),
            new("alpha", Format(Alpha)),
            new("min_child_weight", Format(MinChildWeight)),
            new("tree_method", TreeMethod),
            new("seed", Format(Seed)),
            new("validate_parameters", "1"),
        };
        if (Threads > 0)
        {
            list.Add(new("nthread", Format(Threads)));
        }

        if (EvalMetric is not null)
        {
            list.Add(new("eval_metric", EvalMetric));
        }

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
        ArgumentException.ThrowIfNullOrWhiteSpace(TreeMethod, nameof(TreeMethod));
        RequireFraction(Eta, nameof(Eta));
        RequireFraction(Subsample, nameof(Subsample));
        RequireFraction(ColsampleByTree, nameof(ColsampleByTree));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDepth, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, 64, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfNegative(Threads, nameof(Threads));
        RequireNonNegative(Lambda, nameof(Lambda));
        RequireNonNegative(Alpha, nameof(Alpha));
        RequireNonNegative(MinChildWeight, nameof(MinChildWeight));
    }
}
