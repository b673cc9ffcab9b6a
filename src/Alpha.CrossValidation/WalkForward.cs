namespace Alpha.CrossValidation;

/// <summary>
/// Walk-forward by sample count: training window, optional gap, then a test window of
/// <see cref="WalkForwardOptions.TestSize"/> samples, stepping forward by the test size while a full test window
/// fits. Training labels that reach into the test span widened by the purge are dropped, as in
/// <see cref="PurgedKFold"/>.
/// </summary>
public sealed class WalkForward
{
    /// <summary>Creates the splitter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public WalkForward(WalkForwardOptions? options = null)
    {
        Options = options ?? new WalkForwardOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public WalkForwardOptions Options { get; }

    /// <summary>The folds, oldest test window first.</summary>
    /// <exception cref="ArgumentException">Not enough samples for one training and one test window, or purging empties a training window.</exception>
    public IEnumerable<Fold> Split(LabelEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        long firstTest = (long)Options.TrainSize + Options.Gap;
        if (firstTest + Options.TestSize > events.Count)
        {
            throw new ArgumentException(
                $"{events.Count} samples do not hold a training window of {Options.TrainSize}, a gap of {Options.Gap} and a test window of {Options.TestSize}.",
                nameof(events));
        }

        return Folds(events, (int)firstTest);
    }

    private IEnumerable<Fold> Folds(LabelEvents events, int firstTest)
    {
        int k = 0;
        for (int testStart = firstTest; testStart + Options.TestSize <= events.Count; testStart += Options.TestSize, k++)
        {
            int testEnd = testStart + Options.TestSize;
            int trainEnd = testStart - Options.Gap;
            int trainStart = Options.Expanding ? 0 : trainEnd - Options.TrainSize;
            TestSpan[] span = [Purging.SpanOf(events, testStart, testEnd)];
            int[] train = Purging.Train(events, trainStart, trainEnd, span, Options.PurgeBars, Options.EmbargoBars);
            if (train.Length == 0)
            {
                throw new ArgumentException(
                    $"Fold {k}: purging {Options.PurgeBars} bars around test span [{span[0].Start}, {span[0].End}] leaves no training sample.",
                    nameof(events));
            }

            yield return new Fold(k, train, Purging.Range(testStart, testEnd), span);
        }
    }
}
