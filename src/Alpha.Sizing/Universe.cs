using System.Collections.Frozen;

namespace Alpha.Sizing;

/// <summary>The instruments and pairs a strategy trades, validated: every pair's legs exist, ids are unique, steps are non-negative.</summary>
public sealed class Universe
{
    private readonly FrozenDictionary<string, InstrumentSpec> _instruments;
    private readonly FrozenDictionary<string, PairSpec> _pairs;

    private Universe(FrozenDictionary<string, InstrumentSpec> instruments, FrozenDictionary<string, PairSpec> pairs, string accountCurrency)
    {
        _instruments = instruments;
        _pairs = pairs;
        AccountCurrency = accountCurrency;
    }

    /// <summary>The currency equity and notionals are measured in.</summary>
    public string AccountCurrency { get; }

    /// <summary>The instruments by symbol.</summary>
    public IReadOnlyDictionary<string, InstrumentSpec> Instruments => _instruments;

    /// <summary>The pairs by id.</summary>
    public IReadOnlyDictionary<string, PairSpec> Pairs => _pairs;

    /// <summary>Builds and validates a universe.</summary>
    /// <exception cref="ArgumentException">A duplicate symbol or pair id, an invalid instrument, or a pair whose leg is not an instrument (all named).</exception>
    public static Universe Create(string accountCurrency, IEnumerable<InstrumentSpec> instruments, IEnumerable<PairSpec> pairs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountCurrency);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(pairs);
        var bySymbol = new Dictionary<string, InstrumentSpec>(StringComparer.Ordinal);
        foreach (InstrumentSpec instrument in instruments)
        {
            ArgumentNullException.ThrowIfNull(instrument);
            instrument.Validate();
            if (!bySymbol.TryAdd(instrument.Symbol, instrument))
            {
                throw new ArgumentException($"Instrument '{instrument.Symbol}' is listed twice.", nameof(instruments));
            }
        }

        var byId = new Dictionary<string, PairSpec>(StringComparer.Ordinal);
        foreach (PairSpec pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair);
            ArgumentException.ThrowIfNullOrWhiteSpace(pair.PairId, nameof(pairs));
            foreach (string leg in new[] { pair.LegA, pair.LegB })
            {
                if (!bySymbol.ContainsKey(leg ?? ""))
                {
                    throw new ArgumentException($"Pair '{pair.PairId}': leg '{leg}' is not an instrument of the universe.", nameof(pairs));
                }
            }

            if (pair.LegA == pair.LegB)
            {
                throw new ArgumentException($"Pair '{pair.PairId}': both legs are '{pair.LegA}'.", nameof(pairs));
            }

            if (!byId.TryAdd(pair.PairId, pair))
            {
                throw new ArgumentException($"Pair '{pair.PairId}' is listed twice.", nameof(pairs));
            }
        }

        return new Universe(bySymbol.ToFrozenDictionary(StringComparer.Ordinal), byId.ToFrozenDictionary(StringComparer.Ordinal), accountCurrency);
    }

    /// <summary>The two legs' specs of pair <paramref name="pairId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such pair.</exception>
    public (InstrumentSpec A, InstrumentSpec B) Legs(string pairId)
    {
        if (!_pairs.TryGetValue(pairId, out PairSpec? pair))
        {
            throw new KeyNotFoundException($"Pair '{pairId}' is not in the universe.");
        }

        return (_instruments[pair.LegA], _instruments[pair.LegB]);
    }
}
