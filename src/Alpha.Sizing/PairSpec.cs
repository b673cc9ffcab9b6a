namespace Alpha.Sizing;

/// <summary>A traded pair: the spread log A − β·log B.</summary>
/// <param name="PairId">The pair's id (e.g. AUDNZD).</param>
/// <param name="LegA">Leg A's symbol (the regressand).</param>
/// <param name="LegB">Leg B's symbol (the hedge).</param>
public sealed record PairSpec(string PairId, string LegA, string LegB);
