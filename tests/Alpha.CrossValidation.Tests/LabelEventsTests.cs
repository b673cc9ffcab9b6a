using Alpha.CrossValidation;

namespace Alpha.CrossValidation.Tests;

public sealed class LabelEventsTests
{
    [Fact]
    public void Create_T1BeforeT0_NamesTheSample()
    {
        var error = Assert.Throws<InvalidEventsException>(() => LabelEvents.Create([0, 1, 2], [0, 3, 1], 5));
        Assert.Equal(2, error.SampleIndex);
        Assert.Contains("Sample 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NegativeT0_NamesTheSample() =>
        Assert.Equal(0, Assert.Throws<InvalidEventsException>(() => LabelEvents.Create([-1, 1], [0, 1], 5)).SampleIndex);

    [Fact]
    public void Create_T1PastTheAxis_NamesTheSample()
    {
        var error = Assert.Throws<InvalidEventsException>(() => LabelEvents.Create([0, 1], [1, 5], 5));
        Assert.Equal(1, error.SampleIndex);
        Assert.Contains("last bar 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnsortedT0_NamesTheSample() =>
        Assert.Equal(2, Assert.Throws<InvalidEventsException>(() => LabelEvents.Create([0, 3, 2], [4, 4, 4], 5)).SampleIndex);

    [Fact]
    public void Create_LengthMismatch_Throws() =>
        Assert.Throws<InvalidEventsException>(() => LabelEvents.Create([0, 1], [1], 5));

    [Fact]
    public void Create_T1InAnyOrder_IsAccepted()
    {
        var events = LabelEvents.Create([0, 0, 1], [4, 1, 2], 5);
        Assert.Equal(new[] { 4, 1, 2 }, events.T1.ToArray());
    }

    [Fact]
    public void Create_CopiesTheCallersArrays()
    {
        int[] t0 = [0, 1];
        var events = LabelEvents.Create(t0, t0, 2);
        t0[0] = 1;
        Assert.Equal(0, events.T0[0]);
    }

    [Fact]
    public void FromUnixSeconds_NaN_NamesTheBar() =>
        Assert.Equal(1, Assert.Throws<InvalidEventsException>(() => BarAxis.FromUnixSeconds([0, double.NaN, 2])).SampleIndex);

    [Fact]
    public void FromUnixSeconds_Infinity_Throws() =>
        Assert.Throws<InvalidEventsException>(() => BarAxis.FromUnixSeconds([double.PositiveInfinity]));

    [Fact]
    public void FromTimestamps_NotIncreasing_NamesTheBar()
    {
        var t = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(2, Assert.Throws<InvalidEventsException>(() => BarAxis.FromTimestamps([t, t.AddHours(1), t.AddHours(1)])).SampleIndex);
    }

    [Fact]
    public void FromUnixSeconds_ConvertsToUtc()
    {
        var axis = BarAxis.FromUnixSeconds([0, 14_400]);
        Assert.Equal(new DateTime(1970, 1, 1, 4, 0, 0, DateTimeKind.Utc), axis.Timestamps[1]);
        Assert.Equal(DateTimeKind.Utc, axis.Timestamps[1].Kind);
    }
}
