using Alpha.Operations;

namespace Alpha.Api;

/// <summary>A halt: the scope (ids or <c>*</c>, default <c>*</c>), the level (<c>soft</c>: no new entries, the default; <c>hard</c>: no signals) and the reason.</summary>
internal sealed record HaltRequest(string? Model, string? Pair, HaltLevel? Level, string? Reason);
