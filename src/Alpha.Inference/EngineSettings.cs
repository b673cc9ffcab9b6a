using Alpha.Backtesting;
using Alpha.Configuration;
using Alpha.MarketData;
using Alpha.Sizing;

namespace Alpha.Inference;

/// <summary>
/// What a host knows about every engine it runs, from its configuration folder: the instruments
/// (<c>universe.yaml</c>), costs (<c>cost_table.yaml</c>), the per-pair drawdown levels (<c>dd_policy.yaml</c>), the
/// alignment of the core policy and the sizing of the backtest policy, staleness, position scaling and where operator
/// flags are read. <see cref="For"/> turns it into one catalogue entry's <see cref="PairEngineOptions"/>.
/// </summary>
public sealed record EngineSettings
{
    /// <summary>The instruments and pairs (each catalogue entry's pair must be in it, with the same legs).</summary>
    public required Universe Universe { get; init; }

    /// <summary>Costs per symbol, for the engines' paper equity.</summary>
    /// <value>The default is 1 bp per leg per side.</value>
    public CostModel Costs { get; init; } = new();

    /// <summary>Drawdown levels on each engine's equity (the per-pair levels of <c>dd_policy.yaml</c>).</summary>
    /// <value>The default is <see cref="DrawdownLevels"/>' defaults.</value>
    public DrawdownLevels Drawdown { get; init; } = new();

    /// <summary>Alignment settings (fills, gaps, outliers): the core policy's, as the versions were trained with.</summary>
    /// <value>The default is DESIGN.md's defaults.</value>
    public PairAlignmentOptions Alignment { get; init; } = new();

    /// <summary>Starting equity of each engine's paper account, in the account currency.</summary>
    /// <value>The default is 1,000,000.</value>
    public double StartingEquity { get; init; } = 1_000_000;

    /// <summary>Equity lost when a trade reaches its stop, as a fraction of equity.</summary>
    /// <value>The default is 0.005.</value>
    public double RiskPerTrade { get; init; } = 0.005;

    /// <summary>Gross notional of both legs at most this multiple of equity.</summary>
    /// <value>The default is 5.</value>
    public double MaxLeverage { get; init; } = 5.0;

    /// <summary>How long a lagging leg may be missing before its bar is final and stale.</summary>
    /// <value>The default is null: two bars of the timeframe.</value>
    public TimeSpan? StaleAfter { get; init; }

    /// <summary>The position scale of new entries.</summary>
    /// <value>The default is full size.</value>
    public IPositionScaler PositionScaler { get; init; } = ConstantPositionScaler.Full;

    /// <summary>Where operator flags are read each bar.</summary>
    /// <value>The default is in-memory flags, normal trading.</value>
    public IOpsFlagSource OpsFlags { get; init; } = new StaticOpsFlags();

    /// <summary>
    /// Reads a host's configuration folder: <c>universe.yaml</c>, <c>cost_table.yaml</c> and <c>dd_policy.yaml</c> (its
    /// per-pair levels), with the alignment of the core policy and the sizing (starting equity, risk per trade, leverage
    /// cap) of the backtest policy the host has bound (Alpha.Training's <c>PolicyLoader</c>).
    /// </summary>
    /// <exception cref="ConfigException">A file or key is missing or invalid (named).</exception>
    public static EngineSettings Load(string folder, PairAlignmentOptions alignment, BacktestOptions backtest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(backtest);
        return new EngineSettings
        {
            Universe = SizingConfig.LoadUniverse(folder),
            Costs = SizingConfig.LoadCostTable(folder),
            Drawdown = DrawdownPolicy.Load(folder).Pair,
            Alignment = alignment,
            StartingEquity = backtest.StartingEquity,
            RiskPerTrade = backtest.Rules.RiskPerTrade,
            MaxLeverage = backtest.Rules.MaxLeverage,
        };
    }

    /// <summary>The engine options of one catalogue entry.</summary>
    /// <exception cref="ConfigException">The entry's pair is not in the universe, or its legs differ (names the catalogue file).</exception>
    public PairEngineOptions For(ModelDefinition model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Universe.Pairs.ContainsKey(model.PairId))
        {
            throw new ConfigException(model.File, "pair.id", $"'{model.PairId}' is not a pair of {SizingConfig.UniverseFile} ({string.Join(", ", Universe.Pairs.Keys.Order(StringComparer.Ordinal))}).");
        }

        (InstrumentSpec a, InstrumentSpec b) = Universe.Legs(model.PairId);
        if (a.Symbol != model.LegA || b.Symbol != model.LegB)
        {
            throw new ConfigException(model.File, "pair", $"legs {model.LegA}/{model.LegB} differ from {SizingConfig.UniverseFile}'s {a.Symbol}/{b.Symbol} for {model.PairId}.");
        }

        return new PairEngineOptions
        {
            ModelId = model.ModelId,
            PairId = model.PairId,
            LegA = a,
            LegB = b,
            Timeframe = model.Timeframe,
            Alignment = Alignment,
            Costs = Costs,
            StartingEquity = StartingEquity,
            RiskPerTrade = RiskPerTrade,
            MaxLeverage = MaxLeverage,
            StaleAfter = StaleAfter,
            Drawdown = Drawdown,
            PositionScaler = PositionScaler,
            OpsFlags = OpsFlags,
        };
    }
}
