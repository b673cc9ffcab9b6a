using System.Collections.Immutable;

namespace Alpha.Labeling;

/// <summary>The AI1 events of a series with their labels, the fitted speed limit and the statistics.</summary>
/// <param name="Events">Complete events in bar order: label 1 when the entry-fixed z reverted to the exit level before the stop within the horizon.</param>
/// <param name="MaxSpeed">The speed limit used (absolute, or fitted on the training window).</param>
/// <param name="Statistics">Counts, positive rate, holding time and exclusions by reason.</param>
public sealed record ReversionLabels(ImmutableArray<LabeledEvent> Events, double MaxSpeed, LabelStatistics Statistics);
