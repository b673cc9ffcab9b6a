using Alpha.CrossValidation;
using FsCheck;
using FsCheck.Fluent;

namespace Alpha.CrossValidation.Tests;

/// <summary>Random interval sets and split settings for the property tests.</summary>
internal static class RandomEvents
{
    /// <summary>A case: events with random t0 gaps and label lengths, plus purge/embargo and group counts.</summary>
    public sealed record Case(LabelEvents Events, int Groups, int TestGroups, int Purge, int Embargo)
    {
        public override string ToString() =>
            $"n={Events.Count} bars={Events.Axis.Length} groups={Groups} k={TestGroups} purge={Purge} embargo={Embargo} t0=[{string.Join(",", Events.T0.ToArray())}] t1=[{string.Join(",", Events.T1.ToArray())}]";
    }

    public static Arbitrary<Case> Cases() =>
        (from n in Gen.Choose(24, 160)
         from maxStep in Gen.Choose(1, 4)
         from maxLength in Gen.Choose(0, 12)
         from groups in Gen.Choose(2, 6)
         from testGroups in Gen.Choose(1, 3)
         from purge in Gen.Choose(0, 4)
         from embargo in Gen.Choose(0, 4)
         from seed in Gen.Choose(0, int.MaxValue)
         select Build(n, maxStep, maxLength, Math.Min(groups, 6), Math.Min(testGroups, groups - 1), purge, embargo, seed)).ToArbitrary();

    private static Case Build(int n, int maxStep, int maxLength, int groups, int testGroups, int purge, int embargo, int seed)
    {
        var random = new Random(seed);
        var t0 = new int[n];
        var t1 = new int[n];
        int bar = random.Next(0, 5);
        for (int i = 0; i < n; i++)
        {
            bar += i == 0 ? 0 : random.Next(0, maxStep + 1);
            t0[i] = bar;
        }

        int axis = bar + maxLength + 1;
        for (int i = 0; i < n; i++)
        {
            t1[i] = t0[i] + random.Next(0, maxLength + 1);
        }

        return new Case(LabelEvents.Create(t0, t1, axis), groups, Math.Max(1, testGroups), purge, embargo);
    }
}
