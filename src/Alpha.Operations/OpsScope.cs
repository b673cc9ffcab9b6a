using Alpha.Inference;

namespace Alpha.Operations;

/// <summary>
/// What an operation applies to: a model id and a pair id, either <see cref="OpsFlagTable.Any"/> (<c>*</c>). (*, *) is
/// every model and pair; (model, *) every pair of a model; (*, pair) a pair under every model.
/// </summary>
/// <param name="ModelId">A catalogue model id, or <c>*</c>.</param>
/// <param name="PairId">A pair id, or <c>*</c>.</param>
public sealed record OpsScope(string ModelId, string PairId)
{
    /// <summary>Every model and pair.</summary>
    public static OpsScope Everything { get; } = new(OpsFlagTable.Any, OpsFlagTable.Any);

    /// <summary>Whether this scope includes (<paramref name="modelId"/>, <paramref name="pairId"/>), itself possibly a scope with wildcards.</summary>
    public bool Covers(string modelId, string pairId) => OpsFlagTable.Covers(ModelId, PairId, modelId, pairId);

    /// <summary><c>model|pair</c>, as audit records and flag stores write it.</summary>
    public override string ToString() => $"{ModelId}|{PairId}";
}
