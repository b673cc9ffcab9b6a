namespace Alpha.Labeling;

/// <summary>
/// One training sample: it starts at bar <see cref="T0"/> and its label looks at bars up to and including
/// <see cref="T1"/> (the interval purged cross-validation uses).
/// </summary>
/// <param name="T0">The bar the event (decision) is at.</param>
/// <param name="T1">The last bar the label looks at (≥ T0).</param>
/// <param name="Label">The label: 0/1 for AI1, AI2 and meta labels; the class for 3-class labels; −1/0/+1 for triple-barrier sides.</param>
/// <param name="Direction">The side the event trades: −sign(z) for AI1 (+1 long the spread, −1 short), the given side for meta labels, else 0.</param>
public readonly record struct LabeledEvent(int T0, int T1, int Label, int Direction);
