namespace Alpha.Registry;

/// <summary>The names of <see cref="RegistryEventKind"/> in events, tables and the CLI: <c>transition</c>, <c>loaded</c>, <c>refused</c>.</summary>
public static class RegistryEventKinds
{
    /// <summary>The kind's name.</summary>
    public static string Name(RegistryEventKind kind) => kind switch
    {
        RegistryEventKind.Transition => "transition",
        RegistryEventKind.Loaded => "loaded",
        RegistryEventKind.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an event kind."),
    };

    /// <summary>The kind named <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">Not a kind's name.</exception>
    public static RegistryEventKind Parse(string name) => name switch
    {
        "transition" => RegistryEventKind.Transition,
        "loaded" => RegistryEventKind.Loaded,
        "refused" => RegistryEventKind.Refused,
        _ => throw new FormatException($"'{name}' is not an event kind (transition, loaded, refused)."),
    };
}
