namespace Alpha.Labeling;

/// <summary>
/// Training weights of overlapping events (DESIGN.md § 5): de Prado's average uniqueness over [t0, t1] times a
/// balanced class weight capped at 1:5. Uniqueness must be computed over all events of the series.
/// </summary>
public static class SampleWeights
{
    /// <summary>
    /// Average uniqueness (de Prado, AFML ch. 4): with c_t the number of events whose [t0, t1] contains bar t,
    /// event i's uniqueness is the mean of 1 / c_t over t in [t0_i, t1_i]. Each value lies in (0, 1]. O(bars + Σ interval lengths).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, or an interval is negative, reversed or past <paramref name="barCount"/>.</exception>
    public static double[] AverageUniqueness(ReadOnlySpan<int> t0, ReadOnlySpan<int> t1, int barCount)
    {
        if (t0.Length != t1.Length)
        {
            throw new ArgumentException($"t0 has {t0.Length} events but t1 has {t1.Length}.", nameof(t1));
        }

        var change = new int[barCount + 1];
        for (int i = 0; i < t0.Length; i++)
        {
            if (t0[i] < 0 || t1[i] < t0[i] || t1[i] >= barCount)
            {
                throw new ArgumentException($"Event {i}: [{t0[i]}, {t1[i]}] is not an interval of bars 0..{barCount - 1}.", nameof(t0));
            }

            change[t0[i]]++;
            change[t1[i] + 1]--;
        }

        var inverse = new double[barCount];
        int concurrent = 0;
        for (int t = 0; t < barCount; t++)
        {
            concurrent += change[t];
            inverse[t] = concurrent > 0 ? 1.0 / concurrent : 0;
        }

        // Summed over each interval rather than differenced from a running total, so a lone event is exactly 1.
        var uniqueness = new double[t0.Length];
        for (int i = 0; i < uniqueness.Length; i++)
        {
            double sum = 0;
            for (int t = t0[i]; t <= t1[i]; t++)
            {
                sum += inverse[t];
            }

            uniqueness[i] = sum / (t1[i] - t0[i] + 1);
        }

        return uniqueness;
    }

    /// <summary>
    /// Balanced class weights w_c = n / (2·n_c) for labels 0/1, the larger scaled down to <paramref name="maxRatio"/>
    /// times the smaller when needed; a class that does not occur gets weight 0.
    /// </summary>
    /// <returns>(weight of class 0, weight of class 1).</returns>
    /// <exception cref="ArgumentException">A label is not 0 or 1, or there is none.</exception>
    public static (double Negative, double Positive) ClassWeights(ReadOnlySpan<int> labels, double maxRatio = 5.0)
    {
        double[] w = MulticlassWeights(labels, 2, maxRatio);
        return (w[0], w[1]);
    }

    /// <summary>
    /// Balanced class weights w_c = n / (K·n_c) for labels 0 … K − 1 (<paramref name="classes"/> = K), each capped at
    /// <paramref name="maxRatio"/> times the smallest; a class that does not occur gets weight 0.
    /// </summary>
    /// <returns>The weight of each class.</returns>
    /// <exception cref="ArgumentException">A label is outside [0, K), there is none, or K &lt; 2.</exception>
    public static double[] MulticlassWeights(ReadOnlySpan<int> labels, int classes, double maxRatio)
    {
        Guard.Positive(maxRatio, nameof(maxRatio));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRatio, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (labels.IsEmpty)
        {
            throw new ArgumentException("Class weights need at least one label.", nameof(labels));
        }

        var counts = new int[classes];
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"labels[{i}] is {labels[i]}; class weights are for labels 0 to {classes - 1}.", nameof(labels));
            }

            counts[labels[i]]++;
        }

        int total = labels.Length;
        double[] weights = [.. counts.Select(n => n == 0 ? 0 : total / ((double)classes * n))];
        double smallest = weights.Where(w => w > 0).Min();
        for (int c = 0; c < classes; c++)
        {
            weights[c] = Math.Min(weights[c], maxRatio * smallest);
        }

        return weights;
    }

    /// <summary>
    /// The training weight of each event: average uniqueness (over <paramref name="allEvents"/>, the series' every
    /// event) times the capped balanced class weight of its label (over the labelled events given).
    /// </summary>
    /// <param name="events">The events to weight (labels 0/1).</param>
    /// <param name="allEvents">Every event of the series, for concurrency; usually the same list.</param>
    /// <param name="barCount">Bars of the series.</param>
    /// <param name="maxRatio">Class-weight cap; the default is 5.</param>
    public static double[] UniquenessTimesClass(IReadOnlyList<LabeledEvent> events, IReadOnlyList<LabeledEvent> allEvents, int barCount, double maxRatio = 5.0) =>
        UniquenessTimesMulticlass(events, allEvents, barCount, 2, maxRatio);

    /// <summary>
    /// <see cref="UniquenessTimesClass(IReadOnlyList{LabeledEvent}, IReadOnlyList{LabeledEvent}, int, double)"/> for labels
    /// 0 … K − 1 (<paramref name="classes"/> = K; the 3-class direction labels: K = 3).
    /// </summary>
    public static double[] UniquenessTimesMulticlass(IReadOnlyList<LabeledEvent> events, IReadOnlyList<LabeledEvent> allEvents, int barCount, int classes, double maxRatio)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(allEvents);
        int[] t0 = [.. allEvents.Select(e => e.T0)], t1 = [.. allEvents.Select(e => e.T1)];
        double[] allUniqueness = AverageUniqueness(t0, t1, barCount);
        var byInterval = new Dictionary<(int, int), double>();
        for (int i = 0; i < allEvents.Count; i++)
        {
            byInterval[(t0[i], t1[i])] = allUniqueness[i];
        }

        double[] classWeights = MulticlassWeights([.. events.Select(e => e.Label)], classes, maxRatio);
        var weights = new double[events.Count];
        for (int i = 0; i < weights.Length; i++)
        {
            if (!byInterval.TryGetValue((events[i].T0, events[i].T1), out double u))
            {
                throw new ArgumentException($"Event {i} [{events[i].T0}, {events[i].T1}] is not among allEvents.", nameof(events));
            }

            weights[i] = u * classWeights[events[i].Label];
        }

        return weights;
    }
}
