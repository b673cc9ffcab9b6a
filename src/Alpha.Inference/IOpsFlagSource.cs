namespace Alpha.Inference;

/// <summary>
/// Where the engine reads operator flags, once per final bar (the worker's adapter keeps them cached from Redis or
/// PostgreSQL). A source that throws makes the engine fail safe to <see cref="OpsFlags.FailSafe"/> (soft halt).
/// </summary>
public interface IOpsFlagSource
{
    /// <summary>The flags of <paramref name="modelId"/> on <paramref name="pairId"/> for deciding the bar at <paramref name="barTime"/>.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="pairId">The pair id.</param>
    /// <param name="barTime">The bar being decided (UTC); a live store returns its current flags, a replay the flags in force then.</param>
    OpsFlags Read(string modelId, string pairId, DateTime barTime);
}
