namespace Alpha.Registry;

/// <summary>A lifecycle move the registry refuses (not a legal move, a missing reason, nothing to roll back to); nothing was recorded.</summary>
public sealed class IllegalTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="modelId">The model id (scope).</param>
    /// <param name="version">The version asked to move.</param>
    /// <param name="from">Its status; <see langword="null"/> when it is not registered.</param>
    /// <param name="to">The status asked for.</param>
    /// <param name="reason">Why the move is refused.</param>
    public IllegalTransitionException(string modelId, string version, ModelStatus? from, ModelStatus to, string reason)
        : base($"{modelId}/{version}: cannot move {(from is { } f ? ModelLifecycle.Name(f) : "(not registered)")} → {ModelLifecycle.Name(to)}: {reason}")
    {
        ModelId = modelId;
        Version = version;
        From = from;
        To = to;
    }

    /// <summary>The model id.</summary>
    public string ModelId { get; }

    /// <summary>The version.</summary>
    public string Version { get; }

    /// <summary>Its status before the refused move; <see langword="null"/> when not registered.</summary>
    public ModelStatus? From { get; }

    /// <summary>The status asked for.</summary>
    public ModelStatus To { get; }
}
