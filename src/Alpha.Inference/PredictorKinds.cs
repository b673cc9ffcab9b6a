using System.Collections.Frozen;

namespace Alpha.Inference;

/// <summary>The predictor kinds a host serves, by name: the built-in ones and those registered through DI.</summary>
public sealed class PredictorKinds
{
    private readonly FrozenDictionary<string, IPredictorKind> _kinds;

    /// <summary>Creates the set (DI passes every registered <see cref="IPredictorKind"/>).</summary>
    /// <exception cref="ArgumentException">Two kinds share a name, or a name is empty.</exception>
    public PredictorKinds(IEnumerable<IPredictorKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var byName = new Dictionary<string, IPredictorKind>(StringComparer.Ordinal);
        foreach (IPredictorKind kind in kinds)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(kind.Name, nameof(kinds));
            if (!byName.TryAdd(kind.Name, kind))
            {
                throw new ArgumentException($"Two predictor kinds are named '{kind.Name}'.", nameof(kinds));
            }
        }

        _kinds = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The built-in kinds only (<c>pair-gbdt</c>, <c>direction-3class</c>).</summary>
    public static PredictorKinds BuiltIn { get; } = new([new PairGbdtKind(), new DirectionKind()]);

    /// <summary>The names served, sorted.</summary>
    public IEnumerable<string> Names => _kinds.Keys.Order(StringComparer.Ordinal);

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public IPredictorKind? Find(string name) => _kinds.GetValueOrDefault(name);
}
