namespace Alpha.Hosting;

/// <summary>A host's setting is missing or invalid: the host refuses to start, printing this one line (never the setting's value when it may be a secret).</summary>
internal sealed class HostSettingsException(string host, string key, string problem) : Exception($"{host}: setting {key}: {problem}")
{
    public string Key { get; } = key;
}
