using System.Collections.Immutable;

namespace Alpha.CrossValidation;

/// <summary>What one fold kept out of training, and why; <see cref="Leaks"/> must be 0 for a leakage-free split.</summary>
/// <param name="FoldIndex">The fold's index.</param>
/// <param name="TrainCount">Training samples.</param>
/// <param name="TestCount">Test samples.</param>
/// <param name="TestSpans">The test blocks' spans [smallest t0, largest t1] (contiguous runs of test samples).</param>
/// <param name="Purged">Samples in neither set whose interval meets a test span widened by the purge.</param>
/// <param name="Embargoed">Samples in neither set, not purged, whose t0 lies in an embargo after a widened test span.</param>
/// <param name="Unused">Samples in neither set for another reason (e.g. after a walk-forward test window).</param>
/// <param name="Leaks">Training samples whose interval meets a widened test span or starts in its embargo.</param>
public sealed record FoldLeakage(
    int FoldIndex,
    int TrainCount,
    int TestCount,
    ImmutableArray<TestSpan> TestSpans,
    int Purged,
    int Embargoed,
    int Unused,
    int Leaks);
