namespace Alpha.Registry;

/// <summary>A version is not registered under a model id.</summary>
public sealed class ModelVersionNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="version">The version asked for.</param>
    public ModelVersionNotFoundException(string modelId, string version)
        : base($"{modelId}/{version} is not registered (alpha models list --model-id {modelId} shows what is).")
    {
        ModelId = modelId;
        Version = version;
    }

    /// <summary>The model id.</summary>
    public string ModelId { get; }

    /// <summary>The version asked for.</summary>
    public string Version { get; }
}
