using Alpha.Features;

namespace Alpha.Features.Tests;

/// <summary>
/// The test oracle: DESIGN.md § 5's features evaluated directly from their definitions, every windowed statistic
/// over its own window with centred two-pass sums (O(n·W), no rolling state at all), one segment [start, end) at a
/// time. The library's O(1) kernels must agree with it to 1e-9 at every bar.
/// </summary>
internal sealed class DirectFeatures(
    PairFeatureOptions options, double[][] columns, double[] alpha, double[] sigma, double[] spread, double[] r,
    double[] logA, double[] logB, int start, int end)
{
    private double[] Column(PairFeature feature) => columns[(int)feature];

    /// <summary>Every column (17 model inputs, then α, σ, spread, r) for arrays with one segment per range.</summary>
    public static (double[][] Inputs, double[] Alpha, double[] Sigma, double[] Spread, double[] R) Compute(
        double[] highA, double[] lowA, double[] closeA, double[] highB, double[] lowB, double[] closeB, IEnumerable<(int Start, int End)> segments, PairFeatureOptions options)
    {
        int n = closeA.Length;
        double[] NaNs() => Enumerable.Repeat(double.NaN, n).ToArray();
        var columns = Enumerable.Range(0, FeatureNames.Count).Select(_ => NaNs()).ToArray();
        double[] alpha = NaNs(), sigma = NaNs(), spread = NaNs(), r = NaNs();
        double[] logA = closeA.Select(v => Math.Log(v)).ToArray(), logB = closeB.Select(v => Math.Log(v)).ToArray();
        foreach ((int start, int end) in segments)
        {
            new DirectFeatures(options, columns, alpha, sigma, spread, r, logA, logB, start, end).Run(highA, lowA, closeA, highB, lowB, closeB);
        }

        return (columns, alpha, sigma, spread, r);
    }

    public void Run(ReadOnlySpan<double> highA, ReadOnlySpan<double> lowA, ReadOnlySpan<double> closeA, ReadOnlySpan<double> highB, ReadOnlySpan<double> lowB, ReadOnlySpan<double> closeB)
    {
        int w = options.Window;
        double[] beta = Column(PairFeature.Beta);
        double[] z = Column(PairFeature.Z);
        double[] dz = Column(PairFeature.Dz);

        for (int i = start + w - 1; i < end; i++)
        {
            (alpha[i], beta[i], sigma[i]) = DirectOls.Fit(logB.AsSpan(i - w + 1, w), logA.AsSpan(i - w + 1, w));
            spread[i] = logA[i] - alpha[i] - (beta[i] * logB[i]);
            z[i] = spread[i] / sigma[i];
            Column(PairFeature.HalfLife)[i] = HalfLife(i);
        }

        for (int i = start + w; i < end; i++)
        {
            r[i] = (logA[i] - logA[i - 1]) - (beta[i - 1] * (logB[i] - logB[i - 1]));
            dz[i] = r[i] / sigma[i - 1];
            Column(PairFeature.Rho)[i] = Rho(i);
        }

        Ema(z, start + w - 1, options.ZEmaSpan, Column(PairFeature.ZEma), abs: false);
        Ema(dz, start + w, options.SpeedSpan, Column(PairFeature.Speed), abs: true);
        RollingDeviation(Column(PairFeature.Rho), start + w, options.RhoVarianceWindow, Column(PairFeature.RhoVar), variance: true);
        RollingDeviation(beta, start + w - 1, options.BetaStabilityWindow, Column(PairFeature.BetaStability), variance: false);
        RelativeAtr(highA, lowA, closeA, Column(PairFeature.AtrA));
        RelativeAtr(highB, lowB, closeB, Column(PairFeature.AtrB));
        SpreadAtrAndRsi(r);
        EmaGapAndSlope(beta);
        Drawdown(beta, z);
    }

    // Δs′ on s′₋₁ over the W − 1 consecutive pairs of the fit window, s′ the residual under the bar's own fit.
    private double HalfLife(int i)
    {
        int w = options.Window;
        int first = i - w + 1;
        double a = alpha[i], b = Column(PairFeature.Beta)[i];
        double meanU = 0, meanV = 0;
        for (int j = first + 1; j <= i; j++)
        {
            double previous = logA[j - 1] - a - (b * logB[j - 1]);
            meanU += previous;
            meanV += (logA[j] - a - (b * logB[j])) - previous;
        }

        meanU /= w - 1;
        meanV /= w - 1;
        double suu = 0, suv = 0;
        for (int j = first + 1; j <= i; j++)
        {
            double previous = logA[j - 1] - a - (b * logB[j - 1]);
            double du = previous - meanU;
            suu += du * du;
            suv += du * ((logA[j] - a - (b * logB[j])) - previous - meanV);
        }

        return HalfLifeOf(suv / suu, options);
    }

    internal static double HalfLifeOf(double lambda, PairFeatureOptions options)
    {
        double cap = (double)options.HalfLifeCapWindows * options.Window;
        return lambda >= 0 ? cap : Math.Clamp(-Math.Log(2) / lambda, 0, cap);
    }

    private double Rho(int i)
    {
        int w = options.Window;
        double meanA = 0, meanB = 0;
        for (int j = i - w + 1; j <= i; j++)
        {
            meanA += logA[j] - logA[j - 1];
            meanB += logB[j] - logB[j - 1];
        }

        meanA /= w;
        meanB /= w;
        double saa = 0, sbb = 0, sab = 0;
        for (int j = i - w + 1; j <= i; j++)
        {
            double da = logA[j] - logA[j - 1] - meanA, db = logB[j] - logB[j - 1] - meanB;
            saa += da * da;
            sbb += db * db;
            sab += da * db;
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    // EMA with α = 2 / (span + 1), seeded with its first input at bar `first`.
    private void Ema(double[] input, int first, int span, double[] output, bool abs)
    {
        double weight = 2.0 / (span + 1);
        double ema = 0;
        for (int i = first; i < end; i++)
        {
            double x = abs ? Math.Abs(input[i]) : input[i];
            ema = i == first ? x : ema + (weight * (x - ema));
            output[i] = ema;
        }
    }

    // Sample variance (ddof 1), or its square root, of the last `window` values of a series that starts at `first`.
    private void RollingDeviation(double[] input, int first, int window, double[] output, bool variance)
    {
        for (int i = first + window - 1; i < end; i++)
        {
            double mean = 0;
            for (int j = i - window + 1; j <= i; j++)
            {
                mean += input[j];
            }

            mean /= window;
            double ss = 0;
            for (int j = i - window + 1; j <= i; j++)
            {
                double d = input[j] - mean;
                ss += d * d;
            }

            output[i] = variance ? ss / (window - 1) : Math.Sqrt(ss / (window - 1));
        }
    }

    // Wilder ATR of true range (which needs the previous close), divided by the close.
    private void RelativeAtr(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, double[] output)
    {
        var wilder = new Wilder(options.WilderPeriod);
        for (int i = start + 1; i < end; i++)
        {
            double trueRange = Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
            if (wilder.Add(trueRange))
            {
                output[i] = wilder.Value / close[i];
            }
        }
    }

    private void SpreadAtrAndRsi(double[] hedged)
    {
        double[] atrSpread = Column(PairFeature.AtrSpread);
        double[] rsi = Column(PairFeature.RsiSpread);
        var absolute = new Wilder(options.WilderPeriod);
        var gains = new Wilder(options.WilderPeriod);
        var losses = new Wilder(options.WilderPeriod);
        for (int i = start + options.Window; i < end; i++)
        {
            double x = hedged[i];
            if (absolute.Add(Math.Abs(x)))
            {
                atrSpread[i] = absolute.Value;
            }

            gains.Add(Math.Max(x, 0));
            if (losses.Add(Math.Max(-x, 0)))
            {
                rsi[i] = Rsi(gains.Value, losses.Value);
            }
        }

        double[] ratio = Column(PairFeature.AtrRatio);
        int first = start + options.Window + options.WilderPeriod - 1;
        int window = options.AtrRatioWindow;
        for (int i = first + window - 1; i < end; i++)
        {
            double mean = 0;
            for (int j = i - window + 1; j <= i; j++)
            {
                mean += atrSpread[j];
            }

            ratio[i] = atrSpread[i] / (mean / window);
        }
    }

    internal static double Rsi(double averageGain, double averageLoss) =>
        averageLoss == 0 ? (averageGain == 0 ? 50.0 : 100.0) : 100.0 - (100.0 / (1.0 + (averageGain / averageLoss)));

    private void EmaGapAndSlope(double[] beta)
    {
        double fast = 2.0 / (options.EmaFastSpan + 1), slow = 2.0 / (options.EmaSlowSpan + 1);
        double fastA = 0, slowA = 0, fastB = 0, slowB = 0;
        double[] gap = Column(PairFeature.EmaGap);
        double[] slope = Column(PairFeature.Slope);
        int slopeWindow = options.SlopeWindow;
        for (int i = start; i < end; i++)
        {
            if (i == start)
            {
                fastA = slowA = logA[i];
                fastB = slowB = logB[i];
            }
            else
            {
                fastA += fast * (logA[i] - fastA);
                slowA += slow * (logA[i] - slowA);
                fastB += fast * (logB[i] - fastB);
                slowB += slow * (logB[i] - slowB);
            }

            if (double.IsNaN(beta[i]))
            {
                continue;
            }

            gap[i] = ((fastA - slowA) - (beta[i] * (fastB - slowB))) / sigma[i];
            if (i - start >= slopeWindow - 1)
            {
                double slopeA = DirectOls.TimeSlope(logA.AsSpan(i - slopeWindow + 1, slopeWindow));
                double slopeB = DirectOls.TimeSlope(logB.AsSpan(i - slopeWindow + 1, slopeWindow));
                slope[i] = (slopeA - (beta[i] * slopeB)) / sigma[i];
            }
        }
    }

    // Equity of fading z under the previous bar's hedge, from 0 at bar W − 1; dd = max of the last values − now.
    private void Drawdown(double[] beta, double[] z)
    {
        int w = options.Window;
        int window = options.DrawdownWindow;
        double[] dd = Column(PairFeature.DdRecent);
        var equity = new double[end - start];
        int origin = start + w - 1;
        for (int i = origin; i < end; i++)
        {
            equity[i - start] = i == origin ? 0 : equity[i - 1 - start] - (Math.Sign(z[i - 1]) * r[i] / (1 + Math.Abs(beta[i - 1])));
            if (i - origin >= window - 1)
            {
                double max = double.NegativeInfinity;
                for (int j = i - window + 1; j <= i; j++)
                {
                    max = Math.Max(max, equity[j - start]);
                }

                dd[i] = max - equity[i - start];
            }
        }
    }

    // Wilder's smoothing written out again for the oracle: the mean of the first n inputs, then (avg·(n−1) + x)/n.
    private sealed class Wilder(int period)
    {
        private readonly List<double> _first = [];

        public double Value { get; private set; }

        public bool Add(double x)
        {
            if (_first.Count < period)
            {
                _first.Add(x);
                if (_first.Count < period)
                {
                    return false;
                }

                Value = _first.Average();
                return true;
            }

            Value = ((Value * (period - 1)) + x) / period;
            return true;
        }
    }
}
