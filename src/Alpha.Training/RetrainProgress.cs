namespace Alpha.Training;

/// <summary>Progress of a retrain run.</summary>
/// <param name="Stage">The stage running.</param>
/// <param name="Fraction">Its progress in [0, 1] (1 when it finished).</param>
/// <param name="Message">What it is doing, for a progress display.</param>
public sealed record RetrainProgress(RetrainStage Stage, double Fraction, string Message);
