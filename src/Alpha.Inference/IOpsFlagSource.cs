namespace Alpha.Inference;

/// <summary>
/// Where the engine reads operator flags, once per final bar (the worker's adapter keeps them cached from Redis or
/// PostgreSQL). A source that throws makes the engine fail safe to <see cref="OpsFlags.FailSafe"/> (soft halt).
/// </summary>
public interface IOpsFlagSource
{
    /// <summary>The current flags of <paramref name="modelId"/> on <paramref name="pairId"/>.</summary>
    OpsFlags Read(string modelId, string pairId);
}
