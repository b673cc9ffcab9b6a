using Alpha.Retraining;

namespace Alpha.Retraining.Tests;

/// <summary>A degradation probe that answers what the test says, and counts the checks.</summary>
internal sealed class ScriptedProbe(DegradationSignal? signal) : IDegradationProbe
{
    public int Checks { get; private set; }

    public ValueTask<DegradationSignal?> CheckAsync(string scheduleId, CancellationToken cancellationToken)
    {
        Checks++;
        return ValueTask.FromResult(signal);
    }
}
