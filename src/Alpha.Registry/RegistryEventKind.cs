namespace Alpha.Registry;

/// <summary>What a registry event records.</summary>
public enum RegistryEventKind
{
    /// <summary>A lifecycle move (a registration is the move from nothing to draft).</summary>
    Transition,

    /// <summary>A host reports it loaded the version and serves it.</summary>
    Loaded,

    /// <summary>A host reports it refused the version (the reason says why) and kept what it served.</summary>
    Refused,
}
