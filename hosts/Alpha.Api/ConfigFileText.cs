namespace Alpha.Api;

/// <summary>A whole policy file proposed: its name (e.g. <c>core_policy.yaml</c>) and new text.</summary>
internal sealed record ConfigFileText(string? Name, string? Text);
