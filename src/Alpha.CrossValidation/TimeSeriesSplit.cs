namespace Alpha.CrossValidation;

/// <summary>
/// Expanding-window time-series split with the same output as scikit-learn's <c>TimeSeriesSplit</c> for the same
/// arguments: the last <c>Splits · TestSize</c> samples form consecutive test sets; each training set is
/// everything before its test set less the gap, trimmed to the most recent <c>MaxTrainSize</c>. No purging:
/// use <see cref="WalkForward"/> when labels span several bars.
/// </summary>
public sealed class TimeSeriesSplit
{
    /// <summary>Creates the splitter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public TimeSeriesSplit(TimeSeriesSplitOptions? options = null)
    {
        Options = options ?? new TimeSeriesSplitOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public TimeSeriesSplitOptions Options { get; }

    /// <summary>The folds over samples 0 … <paramref name="sampleCount"/> − 1.</summary>
    /// <exception cref="ArgumentException">Too many splits for the number of samples (scikit-learn's two checks).</exception>
    public IEnumerable<Fold> Split(int sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        int folds = Options.Splits + 1;
        int testSize = Options.TestSize ?? sampleCount / folds;
        if (folds > sampleCount)
        {
            throw new ArgumentException($"Cannot have number of folds={folds} greater than the number of samples={sampleCount}.", nameof(sampleCount));
        }

        if ((long)sampleCount - Options.Gap - ((long)testSize * Options.Splits) <= 0)
        {
            throw new ArgumentException(
                $"Too many splits={Options.Splits} for number of samples={sampleCount} with test_size={testSize} and gap={Options.Gap}.",
                nameof(sampleCount));
        }

        return Folds(sampleCount, testSize);
    }

    private IEnumerable<Fold> Folds(int sampleCount, int testSize)
    {
        int firstTest = sampleCount - (Options.Splits * testSize);
        for (int k = 0; k < Options.Splits; k++)
        {
            int testStart = firstTest + (k * testSize);
            int trainEnd = testStart - Options.Gap;
            int trainStart = Options.MaxTrainSize is int max && max < trainEnd ? trainEnd - max : 0;
            yield return new Fold(k, Purging.Range(trainStart, trainEnd), Purging.Range(testStart, testStart + testSize), []);
        }
    }
}
