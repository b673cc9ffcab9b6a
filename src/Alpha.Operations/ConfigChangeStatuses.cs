namespace Alpha.Operations;

/// <summary>The names of <see cref="ConfigChangeStatus"/> as stored and shown: <c>proposed</c>, <c>approved</c>, <c>applied</c>, <c>rolled_back</c>.</summary>
public static class ConfigChangeStatuses
{
    /// <summary>The status's name.</summary>
    public static string Name(ConfigChangeStatus status) => status switch
    {
        ConfigChangeStatus.Proposed => "proposed",
        ConfigChangeStatus.Approved => "approved",
        ConfigChangeStatus.Applied => "applied",
        ConfigChangeStatus.RolledBack => "rolled_back",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a configuration change status."),
    };

    /// <summary>The status named <paramref name="name"/>, if any.</summary>
    public static bool TryParse(string? name, out ConfigChangeStatus status)
    {
        status = name switch
        {
            "proposed" => ConfigChangeStatus.Proposed,
            "approved" => ConfigChangeStatus.Approved,
            "applied" => ConfigChangeStatus.Applied,
            "rolled_back" => ConfigChangeStatus.RolledBack,
            _ => 0,
        };
        return status != 0;
    }
}
