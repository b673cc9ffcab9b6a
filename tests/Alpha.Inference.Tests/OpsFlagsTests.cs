using Alpha.Inference;

namespace Alpha.Inference.Tests;

public sealed class OpsFlagsTests
{
    private static readonly OpsFlags s_halt = new(true, false, false, 1);
    private static readonly OpsFlags s_half = new(false, false, false, 0.5);

    [Fact]
    public void Table_TheMostSpecificEntryWins()
    {
        var table = new OpsFlagTable(
        [
            new(("*", "*"), s_half),
            new(("m", "*"), s_halt),
            new(("*", "P"), OpsFlags.FailSafe with { LeverageScale = 0.25 }),
            new(("m", "P"), OpsFlags.Normal),
        ]);

        Assert.Equal(OpsFlags.Normal, table.For("m", "P"));
        Assert.Equal(s_halt, table.For("m", "Q"));
        Assert.Equal(0.25, table.For("n", "P").LeverageScale);
        Assert.Equal(s_half, table.For("n", "Q"));
        Assert.Equal(OpsFlags.Normal, OpsFlagTable.Empty.For("n", "Q"));
        Assert.Throws<ArgumentException>(() => new OpsFlagTable([new(("m", "P"), OpsFlags.Normal with { LeverageScale = 0 })]));
    }

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
        var live = new LiveOpsFlags(new MemoryStore("fast"));
        Assert.Throws<InvalidOperationException>(() => live.Read("m", "P", default));

        Assert.True(await live.RefreshAsync(CancellationToken.None));
        Assert.Equal(OpsFlags.Normal, live.Read("m", "P", default));
    }

    [Fact]
    public async Task Live_WhenTheFastStoreLostItsFlags_ReloadsThemFromTheDurableOne()
    {
        var fast = new MemoryStore("fast");
        var durable = new MemoryStore("durable") { Table = new OpsFlagTable([new(("m", "*"), s_halt)]) };
        var live = new LiveOpsFlags(fast, durable);

        Assert.True(await live.RefreshAsync(CancellationToken.None));

        Assert.Equal(s_halt, live.Read("m", "P", default));
        Assert.Same(durable.Table, fast.Table);
        Assert.Equal("worker: reload", fast.LastActor);
    }

    [Fact]
    public async Task Live_WhenTheFastStoreIsDown_ReadsTheDurableOne_AndWhenBothAre_FailsSafe()
    {
        var fast = new MemoryStore("fast") { Down = true };
        var durable = new MemoryStore("durable") { Table = new OpsFlagTable([new(("*", "*"), s_half)]) };
        var live = new LiveOpsFlags(fast, durable);

        Assert.True(await live.RefreshAsync(CancellationToken.None));
        Assert.Equal(s_half, live.Read("m", "P", default));

        durable.Down = true;
        Assert.False(await live.RefreshAsync(CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => live.Read("m", "P", default));
    }

    /// <summary>A flag store in memory, which can be made unreachable.</summary>
    private sealed class MemoryStore(string name) : IOpsFlagStore
    {
        public string Name => name;

        public OpsFlagTable? Table { get; set; }

        public bool Down { get; set; }

        public string? LastActor { get; private set; }

        public ValueTask<OpsFlagTable?> ReadAsync(CancellationToken cancellationToken) =>
            Down ? throw new IOException($"{name} is down") : ValueTask.FromResult(Table);

        public ValueTask WriteAsync(OpsFlagTable table, string actor, CancellationToken cancellationToken)
        {
            (Table, LastActor) = (table, actor);
            return ValueTask.CompletedTask;
        }
    }
}
