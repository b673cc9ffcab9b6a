namespace Alpha.Operations;

/// <summary>A key just made: <see cref="Key"/> is shown once to its owner and never stored; <see cref="Record"/> is.</summary>
/// <param name="Key">The whole key, <c>alpha_{key id}_{secret}</c>.</param>
/// <param name="Record">What the store keeps.</param>
public sealed record NewApiKey(string Key, ApiKeyRecord Record);
