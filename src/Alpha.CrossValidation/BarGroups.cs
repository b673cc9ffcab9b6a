namespace Alpha.CrossValidation;

/// <summary>
/// Cuts the bars from the first to the last sample's t0 into contiguous groups of equal bar length (the last
/// group takes the remainder) and assigns each sample to the group holding its t0.
/// </summary>
internal static class BarGroups
{
    /// <summary>
    /// The first sample of each group, plus <c>events.Count</c> at the end (length <paramref name="groups"/> + 1).
    /// </summary>
    /// <exception cref="ArgumentException">A group would be shorter than <paramref name="minBlockBars"/> or hold no sample.</exception>
    public static int[] Partition(LabelEvents events, int groups, int minBlockBars)
    {
        if (events.Count < groups)
        {
            throw new ArgumentException($"{events.Count} samples cannot fill {groups} groups.", nameof(events));
        }

        int firstBar = events.T0[0];
        int spanBars = events.T0[^1] - firstBar + 1;
        int groupBars = spanBars / groups;
        if (groupBars < minBlockBars)
        {
            throw new ArgumentException(
                $"The samples' t0 range of {spanBars} bars cut into {groups} groups gives {groupBars}-bar groups, shorter than the minimum block of {minBlockBars} bars; use fewer groups or a smaller minimum block.",
                nameof(events));
        }

        var starts = new int[groups + 1];
        for (int g = 1; g < groups; g++)
        {
            starts[g] = events.FirstWithT0AtLeast(firstBar + (g * groupBars));
        }

        starts[groups] = events.Count;
        for (int g = 0; g < groups; g++)
        {
            if (starts[g + 1] == starts[g])
            {
                int from = firstBar + (g * groupBars);
                int to = g == groups - 1 ? events.T0[^1] : from + groupBars - 1;
                throw new ArgumentException($"Group {g} (bars {from}..{to}) holds no sample; use fewer groups.", nameof(events));
            }
        }

        return starts;
    }
}
