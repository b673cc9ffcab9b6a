using Alpha.MarketData;

namespace Alpha.Training;

/// <summary>
/// Seeded synthetic data for demos and tests: leg B a random walk in log price, the spread s an
/// Ornstein–Uhlenbeck process (s_t = φ·s_{t−1} + σ·ε, φ = 2^(−1/half-life)), log A = α + β·log B + s, with
/// regime shifts in β and the half-life, weekend closures and short single-leg gaps.
/// </summary>
public static class SyntheticPair
{
    /// <summary>Generates the two legs (symbols <c>SYNA</c> and <c>SYNB</c>).</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static (BarSeries A, BarSeries B) Generate(SyntheticPairOptions? options = null)
    {
        options ??= new SyntheticPairOptions();
        options.Validate();
        var random = new Random(options.Seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        var barsA = new List<Bar>(options.Bars);
        var barsB = new List<Bar>(options.Bars);
        double logB = Math.Log(options.StartPriceB), spread = 0, beta = options.Beta, halfLife = options.HalfLifeBars;
        double previousA = double.NaN, previousB = double.NaN;
        int regimeEvery = options.Bars / (options.RegimeShifts + 1), missingA = 0, missingB = 0;
        for (int i = 0; i < options.Bars; i++)
        {
            if (options.RegimeShifts > 0 && i > 0 && i % regimeEvery == 0 && i / regimeEvery <= options.RegimeShifts)
            {
                bool odd = i / regimeEvery % 2 == 1;
                beta += odd ? options.RegimeBetaShift : -options.RegimeBetaShift;
                halfLife = odd ? halfLife * options.RegimeHalfLifeFactor : halfLife / options.RegimeHalfLifeFactor;
            }

            logB += options.LegBVolatility * Normal();
            spread = (Math.Pow(2, -1 / halfLife) * spread) + (options.SpreadVolatility * Normal());
            double closeA = Math.Exp(options.Alpha + (beta * logB) + spread), closeB = Math.Exp(logB);
            DateTime time = options.Start + (options.Timeframe * i);
            Bar a = MakeBar(time, double.IsNaN(previousA) ? closeA : previousA, closeA, options.RangeNoise, Normal);
            Bar b = MakeBar(time, double.IsNaN(previousB) ? closeB : previousB, closeB, options.RangeNoise, Normal);
            (previousA, previousB) = (closeA, closeB);

            if (options.WeekendClosures && time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            if (missingA == 0 && missingB == 0 && random.NextDouble() < options.GapProbability)
            {
                int run = 1 + random.Next(3);
                (missingA, missingB) = random.Next(2) == 0 ? (run, 0) : (0, run);
            }

            if (missingA > 0)
            {
                missingA--;
            }
            else
            {
                barsA.Add(a);
            }

            if (missingB > 0)
            {
                missingB--;
            }
            else
            {
                barsB.Add(b);
            }
        }

        return (BarSeries.FromBars("SYNA", barsA), BarSeries.FromBars("SYNB", barsB));
    }

    private static Bar MakeBar(DateTime time, double open, double close, double noise, Func<double> normal)
    {
        double high = Math.Max(open, close) * Math.Exp(Math.Abs(noise * normal()));
        double low = Math.Min(open, close) * Math.Exp(-Math.Abs(noise * normal()));
        return new Bar(time, open, high, low, close, 100);
    }
}
