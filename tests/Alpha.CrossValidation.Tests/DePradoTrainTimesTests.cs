using Alpha.CrossValidation;

namespace Alpha.CrossValidation.Tests;

/// <summary>
/// de Prado's <c>getTrainTimes</c> (AFML snippet 7.1): drop every training label whose [t0, t1] meets the test
/// window. With purge = embargo = 0 a single-group test reproduces it. Vectors from the issue: 10 samples on a
/// 12-bar axis, sample i spans [i, i + 2].
/// </summary>
public sealed class DePradoTrainTimesTests
{
    private static readonly LabelEvents s_events = LabelEvents.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        12);

    [Fact]
    public void TestWindow1To2_TrainsOn3To9() =>
        Assert.Equal(new[] { 3, 4, 5, 6, 7, 8, 9 }, TrainOutside(1, 2));

    [Fact]
    public void TestWindow6To8_TrainsOn0To3And9() =>
        Assert.Equal(new[] { 0, 1, 2, 3, 9 }, TrainOutside(6, 8));

    private static int[] TrainOutside(int start, int end) =>
        Purging.Train(s_events, 0, s_events.Count, [new TestSpan(start, end)], 0, 0);
}
