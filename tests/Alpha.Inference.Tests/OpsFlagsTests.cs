using Alpha.Inference;

namespace Alpha.Inference.Tests;

public sealed class OpsFlagsTests
{
    private static readonly OpsFlags s_halt = new(true, false, false, 1);
    private static readonly OpsFlags s_half = new(false, false, false, 0.5);

    [Fact]
    public void Table_CombinesEveryMatchingEntry_TheMostRestrictiveWay()
    {
        var table = new OpsFlagTable(
        [
            new(("*", "*"), s_half),
            new(("m", "*"), s_halt),
            new(("*", "P"), new OpsFlags(false, false, true, 0.25)),
            new(("m", "P"), OpsFlags.Normal),
        ]);

        Assert.Equal(new OpsFlags(true, false, true, 0.25), table.For("m", "P"));      // a narrower "normal" undoes nothing
        Assert.Equal(new OpsFlags(true, false, false, 0.5), table.For("m", "Q"));
        Assert.Equal(new OpsFlags(false, false, true, 0.25), table.For("n", "P"));
        Assert.Equal(s_half, table.For("n", "Q"));
        Assert.Equal(OpsFlags.Normal, OpsFlagTable.Empty.For("n", "Q"));
        Assert.Throws<ArgumentException>(() => new OpsFlagTable([new(("m", "P"), OpsFlags.Normal with { LeverageScale = 0 })]));
    }

    [Theory]
    [InlineData("*", "*", "m", "P", true)]
    [InlineData("m", "*", "m", "P", true)]
    [InlineData("m", "*", "m", "*", true)]
    [InlineData("m", "*", "*", "P", false)]
    [InlineData("m", "*", "*", "*", false)]
    [InlineData("*", "P", "m", "P", true)]
    [InlineData("*", "P", "m", "Q", false)]
    [InlineData("m", "P", "m", "P", true)]
    [InlineData("m", "P", "n", "P", false)]
    public void Covers_AScopeIncludesEntriesItsWildcardsMatch(string scopeModel, string scopePair, string model, string pair, bool covered) =>
        Assert.Equal(covered, OpsFlagTable.Covers(scopeModel, scopePair, model, pair));

    [Fact]
    public void Reset_ClearsTheScope_AndKeepsOnlyAScaleBelowOne()
    {
        var table = new OpsFlagTable([new(("m", "P"), s_halt), new(("m", "*"), s_halt), new(("*", "P"), s_halt), new(("n", "Q"), s_half)]);

        OpsFlagTable model = table.Reset("m", "*", OpsFlags.Normal);
        OpsFlagTable canary = table.Reset("*", "*", s_half);

        Assert.Equal([("*", "P"), ("n", "Q")], model.Entries.Keys);
        Assert.Equal(s_halt, model.For("m", "P"));      // the (*, P) halt is broader than the scope: it stays
        Assert.Equal([("*", "*")], canary.Entries.Keys);
        Assert.Equal(s_half, canary.For("m", "P"));
        Assert.Empty(table.Reset("*", "*", OpsFlags.Normal).Entries);
    }

    [Fact]
    public void Raise_OnlyEverRestrictsMore()
    {
        var table = new OpsFlagTable([new(("m", "P"), s_half)]);

        OpsFlagTable raised = table.Raise("m", "P", s_halt).Raise("m", "P", OpsFlags.Normal).Raise("*", "*", new OpsFlags(false, true, false, 1));

        Assert.Equal(new OpsFlags(true, false, false, 0.5), raised.Entries[("m", "P")]);
        Assert.Equal(new OpsFlags(true, true, false, 0.5), raised.For("m", "P"));
        Assert.True(raised.Entries[("m", "P")].Covers(s_halt));
        Assert.False(s_half.Covers(s_halt));
    }

    [Theory]
    [InlineData(0.0, false, false, 1.0)]
    [InlineData(0.05, false, false, 0.5)]
    [InlineData(0.0799, false, false, 0.5)]
    [InlineData(0.08, true, false, 1.0)]
    [InlineData(0.12, true, true, 1.0)]
    public void DrawdownLevels_RaiseTheirFlags(double drawdown, bool softHalt, bool flatten, double scale) =>
        Assert.Equal(new OpsFlags(softHalt, false, flatten, scale), new DrawdownLevels().FlagsAt(drawdown));

    [Theory]
    [InlineData("{\"soft_halt\":true,\"hard_halt\":false,\"flatten\":false,\"leverage_scale\":0.5}", true)]
    [InlineData("{\"soft_halt\":true,\"hard_halt\":false,\"flatten\":false}", false)]
    [InlineData("{\"soft_halt\":1,\"hard_halt\":false,\"flatten\":false,\"leverage_scale\":0.5}", false)]
    [InlineData("{\"soft_halt\":true,\"hard_halt\":false,\"flatten\":false,\"leverage_scale\":1.5}", false)]
    [InlineData("halt", false)]
    public void Json_IsStrict(string json, bool valid)
    {
        if (valid)
        {
            OpsFlags flags = OpsFlagsJson.Parse(json);
            Assert.Equal(flags, OpsFlagsJson.Parse(OpsFlagsJson.Serialize(flags)));
        }
        else
        {
            Assert.Throws<InvalidDataException>(() => OpsFlagsJson.Parse(json));
        }
    }

    [Fact]
    public async Task Live_BeforeAnyRefresh_FailsSafe()
    {
        var live = new LiveOpsFlags(new MemoryFlagStore("fast"));
        Assert.Throws<InvalidOperationException>(() => live.Read("m", "P", default));

        Assert.True(await live.RefreshAsync(CancellationToken.None));
        Assert.Equal(OpsFlags.Normal, live.Read("m", "P", default));
    }

    [Fact]
    public async Task Live_WhenTheFastStoreLostItsFlags_ReloadsThemFromTheDurableOne()
    {
        var fast = new MemoryFlagStore("fast");
        var durable = new MemoryFlagStore("durable") { Table = new OpsFlagTable([new(("m", "*"), s_halt)]) };
        var live = new LiveOpsFlags(fast, durable);

        Assert.True(await live.RefreshAsync(CancellationToken.None));

        Assert.Equal(s_halt, live.Read("m", "P", default));
        Assert.Same(durable.Table, fast.Table);
        Assert.Equal("worker: reload", fast.LastActor);
    }

    [Fact]
    public async Task Live_WithNoFlagsAnywhere_ADurableOutage_KeepsTheTableInForce_ButAtStartFailsSafe()
    {
        var fast = new MemoryFlagStore("fast");
        var durable = new MemoryFlagStore("durable");
        var live = new LiveOpsFlags(fast, durable);
        Assert.True(await live.RefreshAsync(CancellationToken.None));

        durable.Down = true;
        Assert.True(await live.RefreshAsync(CancellationToken.None));
        Assert.Equal(OpsFlags.Normal, live.Read("m", "P", default));

        var starting = new LiveOpsFlags(fast, durable);
        Assert.False(await starting.RefreshAsync(CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => starting.Read("m", "P", default));
    }

    [Fact]
    public async Task Live_WhenTheFastStoreIsDown_ReadsTheDurableOne_AndWhenBothAre_FailsSafe()
    {
        var fast = new MemoryFlagStore("fast") { Down = true };
        var durable = new MemoryFlagStore("durable") { Table = new OpsFlagTable([new(("*", "*"), s_half)]) };
        var live = new LiveOpsFlags(fast, durable);

        Assert.True(await live.RefreshAsync(CancellationToken.None));
        Assert.Equal(s_half, live.Read("m", "P", default));

        durable.Down = true;
        Assert.False(await live.RefreshAsync(CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => live.Read("m", "P", default));
    }
}
