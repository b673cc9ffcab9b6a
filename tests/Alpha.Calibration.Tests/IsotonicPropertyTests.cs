using FsCheck;
using FsCheck.Xunit;
using FsCheck.Fluent;

namespace Alpha.Calibration.Tests;

/// <summary>Invariants of the isotonic fit over random weighted data with ties.</summary>
public sealed class IsotonicPropertyTests
{
    private sealed record Data(double[] X, double[] Y, double[] W, int Seed)
    {
        public override string ToString() => $"x=[{string.Join(",", X)}] y=[{string.Join(",", Y)}] w=[{string.Join(",", W)}]";
    }

    private static Arbitrary<Data> Datasets() =>
        (from n in Gen.Choose(1, 40)
         from levels in Gen.Choose(1, 12)
         from seed in Gen.Choose(0, int.MaxValue)
         select Build(n, levels, seed)).ToArbitrary();

    private static Data Build(int n, int levels, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.Next(levels);
            y[i] = Math.Round((random.NextDouble() * 10) + (x[i] * random.NextDouble()), 2);
            w[i] = 0.5 + random.Next(4);
        }

        return new Data(x, y, w, seed);
    }

    [Property(Replay = PropertySeed.Replay, MaxTest = 200)]
    public Property Fit_IsMonotoneInTheRequestedDirection() =>
        Prop.ForAll(Datasets(), d =>
        {
            foreach (bool increasing in new[] { true, false })
            {
                var model = IsotonicRegression.Fit(d.X, d.Y, d.W, new() { Direction = increasing ? IsotonicDirection.Increasing : IsotonicDirection.Decreasing });
                ReadOnlySpan<double> t = model.YThresholds;
                for (int i = 1; i < t.Length; i++)
                {
                    Assert.True(increasing ? t[i] >= t[i - 1] : t[i] <= t[i - 1], $"not monotone at {i}");
                }
            }

            return true;
        });

    [Property(Replay = PropertySeed.Replay, MaxTest = 200)]
    public Property Fit_EqualsTheMinMaxFormulaOfTheOptimalMonotoneFit() =>
        Prop.ForAll(Datasets(), d =>
        {
            // Merge ties as (weighted mean, summed weight), then the optimum at point i is
            // max over j ≤ i of min over k ≥ i of the weighted mean of points j..k (Barlow et al., 1972).
            var levels = d.X.Distinct().Order().ToArray();
            var my = levels.Select(v => Enumerable.Range(0, d.X.Length).Where(i => d.X[i] == v).Sum(i => d.W[i] * d.Y[i]) / Enumerable.Range(0, d.X.Length).Where(i => d.X[i] == v).Sum(i => d.W[i])).ToArray();
            var mw = levels.Select(v => Enumerable.Range(0, d.X.Length).Where(i => d.X[i] == v).Sum(i => d.W[i])).ToArray();
            var model = IsotonicRegression.Fit(d.X, d.Y, d.W);
            for (int i = 0; i < levels.Length; i++)
            {
                double best = double.NegativeInfinity;
                for (int j = 0; j <= i; j++)
                {
                    double inner = double.PositiveInfinity;
                    for (int k = i; k < levels.Length; k++)
                    {
                        double sw = 0, swy = 0;
                        for (int m = j; m <= k; m++)
                        {
                            sw += mw[m];
                            swy += mw[m] * my[m];
                        }

                        inner = Math.Min(inner, swy / sw);
                    }

                    best = Math.Max(best, inner);
                }

                Numeric.AssertClose(best, model.Predict(levels[i]), rel: 1e-12, what: $"fit at x={levels[i]}");
            }

            return true;
        });

    [Property(Replay = PropertySeed.Replay, MaxTest = 200)]
    public Property Fit_IsInvariantToInputOrder() =>
        Prop.ForAll(Datasets(), d =>
        {
            int[] perm = Enumerable.Range(0, d.X.Length).OrderBy(_ => new Random(d.Seed).Next()).ToArray();
            var shuffled = new Random(d.Seed + 1);
            perm = [.. perm.OrderBy(_ => shuffled.Next())];
            var a = IsotonicRegression.Fit(d.X, d.Y, d.W);
            var b = IsotonicRegression.Fit(perm.Select(i => d.X[i]).ToArray(), perm.Select(i => d.Y[i]).ToArray(), perm.Select(i => d.W[i]).ToArray());
            Assert.Equal(a.XThresholds.ToArray(), b.XThresholds.ToArray());
            Numeric.AssertClose(a.YThresholds, b.YThresholds, rel: 1e-12);
            return true;
        });

    [Property(Replay = PropertySeed.Replay, MaxTest = 200)]
    public Property IsotonicCalibrator_ProbabilitiesStayInUnitInterval() =>
        Prop.ForAll(Datasets(), d =>
        {
            double[] labels = d.Y.Select(v => v > 5 ? 1.0 : 0.0).ToArray();
            var calibrator = IsotonicCalibrator.Fit(d.X, labels);
            foreach (double s in new[] { -1e9, -1, 0, 0.5, 3, 11, 1e9 })
            {
                Assert.InRange(calibrator.Calibrate(s), 0.0, 1.0);
            }

            return true;
        });
}
