namespace Alpha.Api;

/// <summary>A rollback or a retrain request: the model id and the reason.</summary>
internal sealed record ModelRequest(string? Model, string? Reason);
