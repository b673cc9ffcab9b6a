namespace Alpha.Worker;

/// <summary>A setting is missing or invalid: the worker refuses to start, printing this one line.</summary>
internal sealed class WorkerSettingsException(string key, string problem) : Exception($"alpha-worker: setting {key}: {problem}")
{
    public string Key { get; } = key;
}
