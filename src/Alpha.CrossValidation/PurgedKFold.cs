namespace Alpha.CrossValidation;

/// <summary>
/// Purged, embargoed grouped K-fold over label events (de Prado, <i>Advances in Financial Machine Learning</i>,
/// ch. 7). The bars from the first to the last sample's t0 are cut into K contiguous groups of equal bar length
/// (the last takes the remainder); a sample belongs to the group holding its t0. Each group is the test set once;
/// its test span is [smallest t0, largest t1] of its samples, and training keeps every sample whose interval
/// does not meet that span widened by <see cref="PurgedKFoldOptions.PurgeBars"/> on both sides and whose t0 is not
/// within <see cref="PurgedKFoldOptions.EmbargoBars"/> after the widened span (inclusive).
/// </summary>
/// <remarks>
/// Boundary convention: intervals are closed, so a training label ending exactly at the test start is purged.
/// With purge = embargo = 0 the training set equals de Prado's <c>getTrainTimes</c>; with point intervals it
/// reproduces skfolio's <c>purged_size</c>/<c>embargo_size</c>. The settings are checked when
/// <see cref="Split"/> is called (a fold with no training or test sample, or a group shorter than the minimum
/// block, is refused there); the folds themselves are built lazily, one at a time.
/// </remarks>
public sealed class PurgedKFold
{
    /// <summary>Creates the splitter; <paramref name="options"/> defaults to <see cref="PurgedKFoldOptions"/>' defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public PurgedKFold(PurgedKFoldOptions? options = null)
    {
        Options = options ?? new PurgedKFoldOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public PurgedKFoldOptions Options { get; }

    /// <summary>The K folds, in time order of their test groups.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings leave a group shorter than the minimum block, a group without samples, or a fold without training samples.</exception>
    public IEnumerable<Fold> Split(LabelEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        int[] starts = BarGroups.Partition(events, Options.Folds, Options.MinBlockBars);
        var spans = new TestSpan[Options.Folds];
        for (int k = 0; k < spans.Length; k++)
        {
            spans[k] = Purging.SpanOf(events, starts[k], starts[k + 1]);
            if (!HasTraining(events, spans[k]))
            {
                throw new ArgumentException(
                    $"Fold {k}: purging {Options.PurgeBars} and embargoing {Options.EmbargoBars} bars around test span [{spans[k].Start}, {spans[k].End}] leaves no training sample.",
                    nameof(events));
            }
        }

        return Folds(events, starts, spans);
    }

    private IEnumerable<Fold> Folds(LabelEvents events, int[] starts, TestSpan[] spans)
    {
        for (int k = 0; k < spans.Length; k++)
        {
            TestSpan[] span = [spans[k]];
            int[] train = Purging.Train(events, 0, events.Count, span, Options.PurgeBars, Options.EmbargoBars);
            yield return new Fold(k, train, Purging.Range(starts[k], starts[k + 1]), span);
        }
    }

    private bool HasTraining(LabelEvents events, TestSpan span)
    {
        ReadOnlySpan<int> t0 = events.T0;
        ReadOnlySpan<int> t1 = events.T1;
        for (int i = 0; i < t0.Length; i++)
        {
            if (!Purging.Excludes(span, t0[i], t1[i], Options.PurgeBars, Options.EmbargoBars))
            {
                return true;
            }
        }

        return false;
    }
}
