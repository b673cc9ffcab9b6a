using System.Collections.Immutable;

namespace Alpha.Backtesting;

/// <summary>The outcome of an adoption check: adopted only when every criterion passed.</summary>
/// <param name="Adopted">Whether every criterion passed.</param>
/// <param name="Criteria">Each criterion with its value and bound.</param>
public sealed record AdoptionDecision(bool Adopted, ImmutableArray<CriterionResult> Criteria);
