namespace Alpha.Api;

/// <summary>One approver's resume: the scope (ids or <c>*</c>, default <c>*</c>), the reason, and the leverage scale to resume at (default 1; below 1 a canary).</summary>
internal sealed record ResumeRequest(string? Model, string? Pair, string? Reason, double? LeverageScale);
