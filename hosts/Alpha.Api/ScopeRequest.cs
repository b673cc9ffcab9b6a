namespace Alpha.Api;

/// <summary>A flatten: the scope (<see cref="Model"/>, <see cref="Pair"/>, each an id or <c>*</c>, default <c>*</c>) and the reason.</summary>
internal sealed record ScopeRequest(string? Model, string? Pair, string? Reason);
