namespace Alpha.CrossValidation;

/// <summary>One group's piece of a backtest path: its samples are scored by the model of split <see cref="Split"/>.</summary>
/// <param name="Group">The group (0-based, in time order).</param>
/// <param name="Split">The split whose test predictions cover this group on this path.</param>
/// <param name="FirstSample">Index of the group's first sample.</param>
/// <param name="SampleCount">Number of samples in the group.</param>
public readonly record struct PathSegment(int Group, int Split, int FirstSample, int SampleCount);
