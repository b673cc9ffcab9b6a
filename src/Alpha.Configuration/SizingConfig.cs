using System.Globalization;
using Alpha.Sizing;

namespace Alpha.Configuration;

/// <summary>
/// Reads the sizing configuration shared by backtest and live (DESIGN.md § 5 "Sizing"): <c>universe.yaml</c>
/// (instruments and pairs) and <c>cost_table.yaml</c> (per-symbol costs, time-of-day slippage), and the cost keys of
/// any section. Every key is required; problems are <see cref="ConfigException"/>s naming file and key.
/// </summary>
public static class SizingConfig
{
    /// <summary>The universe file name.</summary>
    public const string UniverseFile = "universe.yaml";

    /// <summary>The cost table file name.</summary>
    public const string CostTableFile = "cost_table.yaml";

    /// <summary>One cost specification: <c>commission_bps</c>, <c>spread_bps</c>, <c>slippage_bps</c> (≥ 0) and <c>swap_bps_per_day</c> (may be negative).</summary>
    public static CostSpec CostSpec(ConfigNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var spec = new CostSpec
        {
            CommissionBps = node.Number("commission_bps", 0),
            SpreadBps = node.Number("spread_bps", 0),
            SlippageBps = node.Number("slippage_bps", 0),
            SwapBpsPerDay = node.Number("swap_bps_per_day"),
        };
        node.Close();
        return spec;
    }

    /// <summary>Reads <c>universe.yaml</c> in <paramref name="folder"/>.</summary>
    /// <exception cref="ConfigException">The file or a key is invalid, or a pair names an unknown instrument.</exception>
    public static Universe LoadUniverse(string folder)
    {
        ConfigNode root = ConfigNode.Load(folder, UniverseFile);
        string account = root.Text("account_currency");
        ConfigNode instruments = root.Section("instruments");
        var specs = new List<InstrumentSpec>();
        foreach (string symbol in instruments.Keys)
        {
            ConfigNode i = instruments.Section(symbol);
            specs.Add(new InstrumentSpec
            {
                Symbol = symbol,
                QuoteCurrency = i.Text("quote_currency"),
                TickSize = i.Number("tick_size", 0),
                LotStep = i.Number("lot_step", 0),
                MinLot = i.Number("min_lot", 0),
                MinNotional = i.Number("min_notional", 0),
                ContractMultiplier = i.Number("contract_multiplier", double.Epsilon),
            });
            i.Close();
        }

        ConfigNode pairs = root.Section("pairs");
        var pairSpecs = new List<PairSpec>();
        foreach (string id in pairs.Keys)
        {
            ConfigNode p = pairs.Section(id);
            pairSpecs.Add(new PairSpec(id, p.Text("leg_a", [.. specs.Select(s => s.Symbol)]), p.Text("leg_b", [.. specs.Select(s => s.Symbol)])));
            p.Close();
        }

        root.Close();
        try
        {
            return Universe.Create(account, specs, pairSpecs);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(UniverseFile, "", e.Message);
        }
    }

    /// <summary>Reads <c>cost_table.yaml</c> in <paramref name="folder"/>: <c>defaults</c>, per-symbol <c>overrides</c> and <c>slippage_windows</c> (UTC <c>from</c>/<c>to</c> as HH:mm, multiplier).</summary>
    /// <exception cref="ConfigException">The file or a key is invalid.</exception>
    public static CostModel LoadCostTable(string folder)
    {
        ConfigNode root = ConfigNode.Load(folder, CostTableFile);
        CostSpec defaults = CostSpec(root.Section("defaults"));
        ConfigNode overrides = root.Section("overrides");
        var bySymbol = overrides.Keys.ToDictionary(symbol => symbol, symbol => CostSpec(overrides.Section(symbol)), StringComparer.Ordinal);
        var windows = new List<SlippageWindow>();
        foreach (ConfigNode w in root.Sections("slippage_windows"))
        {
            windows.Add(new SlippageWindow(TimeOfDay(w, "from"), TimeOfDay(w, "to"), w.Number("multiplier", 0)));
            w.Close();
        }

        root.Close();
        try
        {
            return new CostModel(defaults, bySymbol, windows);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(CostTableFile, "", e.Message);
        }
    }

    private static TimeSpan TimeOfDay(ConfigNode node, string key)
    {
        string text = node.Text(key);
        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out TimeSpan t) ? t : throw node.Error(key, $"'{text}' is not a UTC time of day HH:mm.");
    }
}
