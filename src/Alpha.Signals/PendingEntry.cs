namespace Alpha.Signals;

/// <summary>
/// An entry decided at a bar's close and not yet filled: its quantities are fixed there, from that bar's close prices
/// and the equity then (live cannot know the next open); the fill at <see cref="FillBar"/>'s open uses them.
/// Quantities are signed (positive long).
/// </summary>
/// <param name="DecisionBar">The bar whose close decided it.</param>
/// <param name="DecisionTime">That bar's open time, UTC.</param>
/// <param name="FillBar">The bar whose open fills it (the next bar, later under the latency stress).</param>
/// <param name="Segment">The decision bar's segment: a fill bar in another segment cancels the entry.</param>
/// <param name="Direction">+1 long the spread (long A, short β·B), −1 short.</param>
/// <param name="Z">z at the decision bar.</param>
/// <param name="Alpha">α of the decision bar's fit (the hedge held).</param>
/// <param name="Beta">β of that fit.</param>
/// <param name="Sigma">σ of that fit.</param>
/// <param name="QuantityA">Units of leg A, signed.</param>
/// <param name="QuantityB">Units of leg B, signed.</param>
/// <param name="BetaWeightA">Leg A's share of the hedge (1).</param>
/// <param name="BetaWeightB">Leg B's share of the hedge (|β| adjusted for FX).</param>
/// <param name="PositionScale">The position scale the legs were sized with, in (0, 1].</param>
/// <param name="Equity">Equity at the decision.</param>
public sealed record PendingEntry(
    int DecisionBar,
    DateTime DecisionTime,
    int FillBar,
    int Segment,
    int Direction,
    double Z,
    double Alpha,
    double Beta,
    double Sigma,
    double QuantityA,
    double QuantityB,
    double BetaWeightA,
    double BetaWeightB,
    double PositionScale,
    double Equity);
