namespace Alpha.Training;

/// <summary>The stages of <see cref="RetrainFlow"/>, in order (<see cref="HyperparameterSearch"/>, when enabled, runs between <see cref="Labels"/> and <see cref="CrossValidation"/>).</summary>
public enum RetrainStage
{
    /// <summary>Pair alignment and the data-quality report.</summary>
    Align,

    /// <summary>The 17 features over every bar.</summary>
    Features,

    /// <summary>AI1/AI2 labels and the purged folds.</summary>
    Labels,

    /// <summary>Per fold: thresholds, scaler, AI1 and AI2 boosters with early stopping, out-of-fold scores.</summary>
    CrossValidation,

    /// <summary>Isotonic (or sigmoid) calibrators on out-of-fold scores; cross-fitted metrics.</summary>
    Calibration,

    /// <summary>The θ search on the cross-fitted scores.</summary>
    ThetaSearch,

    /// <summary>The backtest at the chosen θ.</summary>
    Backtest,

    /// <summary>The stress scenarios at the chosen θ (price shocks recompute the features).</summary>
    Stress,

    /// <summary>
    /// The final AI1 and AI2 boosters on every sample. They train in the background while calibration, the θ search,
    /// the backtest and the stress scenarios run, so this stage's time (the training's own) overlaps theirs.
    /// </summary>
    FinalModels,

    /// <summary>The adoption decision and the artifacts in memory.</summary>
    Adoption,

    /// <summary>The optional hyper-parameter search (TPE on the folds' inner validation sets), after the labels and before the folds train.</summary>
    HyperparameterSearch,
}
