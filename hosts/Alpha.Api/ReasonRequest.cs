namespace Alpha.Api;

/// <summary>An operation that takes only a reason.</summary>
internal sealed record ReasonRequest(string? Reason);
