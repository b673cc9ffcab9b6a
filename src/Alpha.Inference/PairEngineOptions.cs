using Alpha.Backtesting;
using Alpha.MarketData;
using Alpha.Sizing;

namespace Alpha.Inference;

/// <summary>
/// Settings of a <see cref="PairEngine"/>: the model and pair, the legs' instruments (from <c>universe.yaml</c>),
/// costs (<c>cost_table.yaml</c>), the sizing of the backtest policy, staleness, drawdown levels (<c>dd_policy.yaml</c>),
/// the position scaler and where operator flags are read. Candidate band, exits and θ come from the model version.
/// </summary>
public sealed record PairEngineOptions
{
    /// <summary>The catalogue model id (in every signal and its id).</summary>
    public required string ModelId { get; init; }

    /// <summary>The pair id.</summary>
    public required string PairId { get; init; }

    /// <summary>Leg A's instrument: symbol, quote currency, lot step, minimums.</summary>
    public required InstrumentSpec LegA { get; init; }

    /// <summary>Leg B's instrument, quoted in leg A's quote currency (the account currency).</summary>
    public required InstrumentSpec LegB { get; init; }

    /// <summary>The bar timeframe (the catalogue's).</summary>
    public required TimeSpan Timeframe { get; init; }

    /// <summary>Alignment settings (fills, gaps, outliers); use the version's core policy.</summary>
    /// <value>The default is DESIGN.md's defaults.</value>
    public PairAlignmentOptions Alignment { get; init; } = new();

    /// <summary>Costs per leg and side (and swap), for the engine's paper equity.</summary>
    /// <value>The default is 1 bp per leg per side.</value>
    public CostModel Costs { get; init; } = new();

    /// <summary>Starting equity of the engine's paper account, in the account currency.</summary>
    /// <value>The default is 1,000,000.</value>
    public double StartingEquity { get; init; } = 1_000_000;

    /// <summary>Equity lost when a trade reaches its stop, as a fraction of equity.</summary>
    /// <value>The default is 0.005.</value>
    public double RiskPerTrade { get; init; } = 0.005;

    /// <summary>Gross notional of both legs at most this multiple of equity.</summary>
    /// <value>The default is 5.</value>
    public double MaxLeverage { get; init; } = 5.0;

    /// <summary>How long after a bar's time a leg that has not reached it is treated as stale (<see cref="PairEngine.Expire"/>).</summary>
    /// <value>The default is null: two bars of the timeframe.</value>
    public TimeSpan? StaleAfter { get; init; }

    /// <summary>Drawdown levels on the engine's equity.</summary>
    /// <value>The default is <see cref="DrawdownLevels"/>' defaults (warn 5 %, halt 8 %, flatten 12 %).</value>
    public DrawdownLevels Drawdown { get; init; } = new();

    /// <summary>The position scale of new entries.</summary>
    /// <value>The default is full size (<see cref="ConstantPositionScaler.Full"/>), as the backtest trades.</value>
    public IPositionScaler PositionScaler { get; init; } = ConstantPositionScaler.Full;

    /// <summary>Where operator flags are read each bar.</summary>
    /// <value>The default is in-memory flags, normal trading.</value>
    public IOpsFlagSource OpsFlags { get; init; } = new StaticOpsFlags();

    /// <summary>
    /// An engine that trades as a backtest with these settings does — its legs (named as the catalogue entry's),
    /// costs, starting equity, risk per trade and leverage cap, the same alignment, no drawdown levels, full position
    /// scale, normal flags — so a replay makes the backtest's trades (what <c>alpha replay</c> runs).
    /// </summary>
    public static PairEngineOptions Replaying(ModelDefinition model, BacktestOptions backtest, PairAlignmentOptions alignment)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(backtest);
        ArgumentNullException.ThrowIfNull(alignment);
        return new PairEngineOptions
        {
            ModelId = model.ModelId,
            PairId = model.PairId,
            LegA = backtest.LegA with { Symbol = model.LegA },
            LegB = backtest.LegB with { Symbol = model.LegB },
            Timeframe = model.Timeframe,
            Alignment = alignment,
            Costs = backtest.Costs,
            StartingEquity = backtest.StartingEquity,
            RiskPerTrade = backtest.Rules.RiskPerTrade,
            MaxLeverage = backtest.Rules.MaxLeverage,
            Drawdown = DrawdownLevels.None,
        };
    }
}
