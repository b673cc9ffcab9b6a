using Alpha.Configuration;
using Alpha.Inference;
using Alpha.Sizing;

namespace Alpha.Inference.Tests;

/// <summary>The documented sample configuration in configs/ loads, and what it says is what the loaders return.</summary>
public sealed class SampleConfigsTests
{
    private static string Configs => Path.Combine(TestEnvironment.RepositoryRoot, "configs");

    [Fact]
    public void Universe_SizesTheShippedPairs()
    {
        Universe universe = SizingConfig.LoadUniverse(Configs);
        Assert.Equal("USD", universe.AccountCurrency);
        (InstrumentSpec a, InstrumentSpec b) = universe.Legs("AUDUSD-NZDUSD");
        Assert.Equal(("AUDUSD", 1000.0, 0.00001), (a.Symbol, a.LotStep, a.TickSize));
        Assert.Equal("NZDUSD", b.Symbol);
    }

    [Fact]
    public void CostTable_HasOverridesAndASlippageWindow()
    {
        CostModel costs = SizingConfig.LoadCostTable(Configs);
        Assert.Equal(1.0, costs.Defaults.CommissionBps);
        Assert.Equal(3.0, costs.For("XAGUSD").SpreadBps);
        Assert.Equal(new SlippageWindow(TimeSpan.FromHours(21), TimeSpan.FromHours(23), 3.0), Assert.Single(costs.SlippageWindows));
    }

    [Fact]
    public void DrawdownPolicy_HasPairAndGlobalLevels()
    {
        DrawdownPolicy policy = DrawdownPolicy.Load(Configs);
        Assert.Equal((0.05, 0.5, 0.08, 0.12), (policy.Pair.Warn, policy.Pair.WarnScale, policy.Pair.Halt, policy.Pair.Flatten));
        Assert.Equal(0.10, policy.Global.Flatten);
    }

    [Fact]
    public void ModelCatalogue_ServesTheShippedModel()
    {
        ModelDefinition model = Assert.Single(ModelCatalogue.Load(Path.Combine(Configs, "models"), PredictorKinds.BuiltIn).Models);
        Assert.Equal(("audnzd-h4", "pair-gbdt", "AUDUSD-NZDUSD", ModelDefinition.Deployed), (model.ModelId, model.Kind, model.PairId, model.Version));
    }

    [Theory]
    [InlineData(SizingConfig.UniverseFile, "account_currency: USD\ninstruments: { A: { quote_currency: USD, tick_size: 0, lot_step: 0, min_lot: 0, min_notional: 0, contract_multiplier: 1 } }\npairs: { P: { leg_a: A, leg_b: C } }\n", "pairs.P.leg_b")]
    [InlineData(SizingConfig.CostTableFile, "defaults: { commission_bps: -1, spread_bps: 0, slippage_bps: 0, swap_bps_per_day: 0 }\noverrides: {}\nslippage_windows: []\n", "defaults.commission_bps")]
    [InlineData(SizingConfig.CostTableFile, "defaults: { commission_bps: 1, spread_bps: 0, slippage_bps: 0, swap_bps_per_day: 0 }\noverrides: {}\nslippage_windows: [ { from: '25:00', to: '23:00', multiplier: 2 } ]\n", "slippage_windows[0].from")]
    [InlineData(DrawdownPolicy.File, "pair: { warn: 0.1, warn_scale: 0.5, halt: 0.05, flatten: 0.2 }\nglobal: { warn: 0.1, warn_scale: 0.5, halt: 0.15, flatten: 0.2 }\n", "pair.halt")]
    public void BadFiles_NameFileAndKey(string file, string yaml, string key)
    {
        string folder = Directory.CreateTempSubdirectory("alpha-configs-").FullName;
        File.WriteAllText(Path.Combine(folder, file), yaml);
        Action load = file switch
        {
            SizingConfig.UniverseFile => () => SizingConfig.LoadUniverse(folder),
            SizingConfig.CostTableFile => () => SizingConfig.LoadCostTable(folder),
            _ => () => DrawdownPolicy.Load(folder),
        };
        ConfigException e = Assert.Throws<ConfigException>(load);
        Assert.Equal((file, key), (e.File, e.Key));
    }
}
