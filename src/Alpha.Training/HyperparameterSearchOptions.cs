using Alpha.Boosting.Training;
using Alpha.Optimization;

namespace Alpha.Training;

/// <summary>
/// The optional hyper-parameter search of the retrain flow (<c>retrain_policy.yaml</c>, section
/// <c>hyperparameter_search</c>; off by default): TPE over the chosen booster's parameters, each trial scored by the
/// mean log loss of AI1's (or AI2's) boosters on the folds' inner validation sets — never a test fold. Ranges are
/// closed intervals; the learning rate, min child weight and L2 are searched on a log scale.
/// </summary>
public sealed record HyperparameterSearchOptions
{
    /// <summary>Whether the stage runs; default <see langword="false"/> (the boosters train with the policy's parameters).</summary>
    public bool Enabled { get; init; }

    /// <summary>Trials per model (AI1 and AI2 each); default 30, in [1, 1000].</summary>
    public int MaxTrials { get; init; } = 30;

    /// <summary>Stop after this many trials without improvement; default 10, at least 1.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Random trials before TPE models the results; default 10, at least 1.</summary>
    public int StartupTrials { get; init; } = 10;

    /// <summary>XGBoost <c>eta</c> / LightGBM <c>learning_rate</c>; default [0.01, 0.3], in (0, 1].</summary>
    public (double Low, double High) LearningRate { get; init; } = (0.01, 0.3);

    /// <summary>Maximum tree depth; default [2, 8], in [1, 16].</summary>
    public (int Low, int High) MaxDepth { get; init; } = (2, 8);

    /// <summary>LightGBM <c>num_leaves</c> (not searched for XGBoost); default [4, 63], in [2, 1024].</summary>
    public (int Low, int High) NumLeaves { get; init; } = (4, 63);

    /// <summary>XGBoost <c>colsample_bytree</c> / LightGBM <c>feature_fraction</c>; default [0.5, 1], in (0, 1].</summary>
    public (double Low, double High) FeatureFraction { get; init; } = (0.5, 1.0);

    /// <summary>XGBoost <c>subsample</c> / LightGBM <c>bagging_fraction</c>; default [0.5, 1], in (0, 1].</summary>
    public (double Low, double High) BaggingFraction { get; init; } = (0.5, 1.0);

    /// <summary>XGBoost <c>min_child_weight</c>; default [0.5, 20], positive.</summary>
    public (double Low, double High) MinChildWeight { get; init; } = (0.5, 20);

    /// <summary>LightGBM <c>min_data_in_leaf</c>; default [5, 100], at least 1.</summary>
    public (int Low, int High) MinDataInLeaf { get; init; } = (5, 100);

    /// <summary>XGBoost <c>lambda</c> / LightGBM <c>lambda_l2</c>; default [0.1, 10], positive.</summary>
    public (double Low, double High) L2 { get; init; } = (0.1, 10);

    /// <summary>Checks every value; the exception's parameter name is the option at fault.</summary>
    /// <exception cref="ArgumentException">A count or a range is out of bounds, or a range is inverted.</exception>
    public void Validate()
    {
        Require(MaxTrials is >= 1 and <= 1000, nameof(MaxTrials), "must be in [1, 1000]");
        Require(Patience >= 1, nameof(Patience), "must be at least 1");
        Require(StartupTrials >= 1, nameof(StartupTrials), "must be at least 1");
        Require(Ordered(LearningRate) && LearningRate.Low > 0 && LearningRate.High <= 1, nameof(LearningRate), "must be a range within (0, 1]");
        Require(MaxDepth.Low <= MaxDepth.High && MaxDepth.Low >= 1 && MaxDepth.High <= 16, nameof(MaxDepth), "must be a range within [1, 16]");
        Require(NumLeaves.Low <= NumLeaves.High && NumLeaves.Low >= 2 && NumLeaves.High <= 1024, nameof(NumLeaves), "must be a range within [2, 1024]");
        Require(Ordered(FeatureFraction) && FeatureFraction.Low > 0 && FeatureFraction.High <= 1, nameof(FeatureFraction), "must be a range within (0, 1]");
        Require(Ordered(BaggingFraction) && BaggingFraction.Low > 0 && BaggingFraction.High <= 1, nameof(BaggingFraction), "must be a range within (0, 1]");
        Require(Ordered(MinChildWeight) && MinChildWeight.Low > 0, nameof(MinChildWeight), "must be a positive range");
        Require(MinDataInLeaf.Low <= MinDataInLeaf.High && MinDataInLeaf.Low >= 1, nameof(MinDataInLeaf), "must be a range of at least 1");
        Require(Ordered(L2) && L2.Low > 0, nameof(L2), "must be a positive range");
    }

    /// <summary>The search space over <paramref name="booster"/>'s parameters.</summary>
    /// <exception cref="ArgumentException">The booster is neither XGBoost nor LightGBM.</exception>
    internal SearchSpace Space(BoosterParameters booster)
    {
        SearchSpace space = SearchSpace.Empty
            .Add("learning_rate", new FloatParameter(LearningRate.Low, LearningRate.High, Log: true))
            .Add("max_depth", new IntParameter(MaxDepth.Low, MaxDepth.High))
            .Add("feature_fraction", new FloatParameter(FeatureFraction.Low, FeatureFraction.High))
            .Add("bagging_fraction", new FloatParameter(BaggingFraction.Low, BaggingFraction.High))
            .Add("l2", new FloatParameter(L2.Low, L2.High, Log: true));
        return booster switch
        {
            XGBoostParameters => space.Add("min_child_weight", new FloatParameter(MinChildWeight.Low, MinChildWeight.High, Log: true)),
            LightGbmParameters => space.Add("num_leaves", new IntParameter(NumLeaves.Low, NumLeaves.High)).Add("min_data_in_leaf", new IntParameter(MinDataInLeaf.Low, MinDataInLeaf.High)),
            _ => throw new ArgumentException($"The hyper-parameter search tunes xgboost and lightgbm, not '{booster.Booster}'.", nameof(booster)),
        };
    }

    /// <summary><paramref name="booster"/> with a trial's values.</summary>
    internal static BoosterParameters Apply(BoosterParameters booster, IReadOnlyDictionary<string, double> values) => booster switch
    {
        XGBoostParameters x => x with
        {
            Eta = values["learning_rate"],
            MaxDepth = Whole(values["max_depth"]),
            ColsampleByTree = values["feature_fraction"],
            Subsample = values["bagging_fraction"],
            Lambda = values["l2"],
            MinChildWeight = values["min_child_weight"],
        },
        LightGbmParameters l => l with
        {
            LearningRate = values["learning_rate"],
            MaxDepth = Whole(values["max_depth"]),
            FeatureFraction = values["feature_fraction"],
            BaggingFraction = values["bagging_fraction"],
            LambdaL2 = values["l2"],
            NumLeaves = Whole(values["num_leaves"]),
            MinDataInLeaf = Whole(values["min_data_in_leaf"]),
        },
        _ => throw new ArgumentException($"The hyper-parameter search tunes xgboost and lightgbm, not '{booster.Booster}'.", nameof(booster)),
    };

    private static int Whole(double value) => (int)Math.Round(value);

    private static bool Ordered((double Low, double High) range) => double.IsFinite(range.Low) && double.IsFinite(range.High) && range.Low <= range.High;

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {problem}.", name);
        }
    }
}
