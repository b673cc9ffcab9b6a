using Alpha.Registry;

namespace Alpha.Api;

/// <summary>A registered version: its lifecycle status and since when, θ it ships with, and when training wrote it.</summary>
internal sealed record VersionView(string Version, ModelStatus Status, DateTimeOffset Since, double? Theta1, double? Theta2, DateTimeOffset? CreatedAt)
{
    public static VersionView Of(ModelVersionState state) => new(
        state.Version,
        state.Status,
        state.Since,
        state.Record is { Theta1: var t1 } && double.IsFinite(t1) ? t1 : null,
        state.Record is { Theta2: var t2 } && double.IsFinite(t2) ? t2 : null,
        state.Record?.CreatedAt);
}
