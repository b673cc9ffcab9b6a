using System.Collections.Immutable;

namespace Alpha.Optimization;

/// <summary>Everything the θ search did and decided.</summary>
/// <param name="Trials">Every θ evaluated, in order.</param>
/// <param name="Best">The best feasible trial of the search, or null when none was feasible.</param>
/// <param name="Previous">The θ in use before the search, or null.</param>
/// <param name="Chosen">The θ to use from now on (the previous one when not adopted).</param>
/// <param name="Adopted">Whether <paramref name="Chosen"/> is a new θ.</param>
/// <param name="Reasons">Why, in order: infeasible ranges, adaptive ranges, stabilisation, the bootstrap interval, the decision.</param>
/// <param name="AdaptiveRange">Whether the search moved to the percentile ranges.</param>
/// <param name="Theta1Range">The θ1 range searched.</param>
/// <param name="Theta2Range">The θ2 range searched.</param>
/// <param name="NoFeasibleTheta">Whether no θ traded enough, even on the adaptive ranges.</param>
/// <param name="ImprovementInterval">The bootstrap interval of the objective improvement of the stabilised θ over the previous one, or null.</param>
/// <param name="PassRate">Share of candidates with risk_score &lt; the chosen θ2 (NaN without candidates or θ).</param>
/// <param name="PassRateWarning">Set when the pass rate is outside the configured band.</param>
public sealed record ThetaSearchResult(
    ImmutableArray<ThetaTrial> Trials,
    ThetaTrial? Best,
    Theta? Previous,
    Theta? Chosen,
    bool Adopted,
    ImmutableArray<string> Reasons,
    bool AdaptiveRange,
    (double Low, double High) Theta1Range,
    (double Low, double High) Theta2Range,
    bool NoFeasibleTheta,
    (double Lower, double Upper)? ImprovementInterval,
    double PassRate,
    string? PassRateWarning);
