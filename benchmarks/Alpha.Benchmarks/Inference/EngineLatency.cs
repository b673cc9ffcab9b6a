using System.Diagnostics;
using System.Globalization;
using Alpha.Features;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Signals;

namespace Alpha.Benchmarks.Inference;

/// <summary>
/// Per-bar latency and allocation of the live engine, a load tool rather than BenchmarkDotNet (which reports means):
/// the real AUD/NZD pair replayed through a real version <c>rounds</c> times after a warm-up replay; each final bar is
/// timed from the arrival of its second leg to the engine's return (align + features + at candidates the scaler, both
/// boosters and both calibrators + decision + sizing), and its allocation measured. Bars are grouped as the engine
/// treated them. Baseline of the same run: the same bars through <see cref="PairFeatureState"/> alone.
/// <code>dotnet run -c Release --project benchmarks/Alpha.Benchmarks -- inference-latency [rounds]</code>
/// </summary>
internal static class EngineLatency
{
    public static void Run(int rounds)
    {
        var version = AudNzdVersion.Train();
        BarSeries a = version.A, b = version.B;
        var times = new Dictionary<string, List<long>> { ["every bar"] = [], ["scored (model ran)"] = [], ["scored, declined"] = [], ["emitted a signal"] = [], ["emitted nothing"] = [], ["baseline: features alone"] = [] };
        long maxQuietAllocation = 0, quietBars = 0, quietAllocating = 0, maxScoredAllocation = 0, scoredBars = 0, maxFillAllocation = 0, fillBars = 0, signalAllocation = 0, signalBars = 0;
        for (int round = 0; round <= rounds; round++)
        {
            PairEngine engine = version.Engine();
            var signals = new List<Signal>(1024);
            int i = 0, j = 0;
            while (i < a.Count && j < b.Count)
            {
                // Feed the earlier leg's bars; time the call that completes a bar (both legs at the same time).
                if (a.Time[i] != b.Time[j])
                {
                    if (a.Time[i] < b.Time[j])
                    {
                        engine.Add(PairLeg.A, a[i++], signals);
                    }
                    else
                    {
                        engine.Add(PairLeg.B, b[j++], signals);
                    }

                    continue;
                }

                engine.Add(PairLeg.A, a[i++], signals);
                int before = signals.Count, tradesBefore = engine.Trades.Count;
                bool heldBefore = engine.HasPosition;
                Bar second = b[j++];
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                engine.Add(PairLeg.B, second, signals);
                long elapsed = Stopwatch.GetTimestamp() - start;
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                if (round == 0 || !engine.IsWarm)
                {
                    continue;     // warm-up replay (JIT) and warm-up bars
                }

                bool emitted = signals.Count > before;
                times["every bar"].Add(elapsed);
                times[emitted ? "emitted a signal" : "emitted nothing"].Add(elapsed);
                if (engine.LastScored)
                {
                    times["scored (model ran)"].Add(elapsed);
                    if (!emitted)
                    {
                        times["scored, declined"].Add(elapsed);
                    }
                }

                if (emitted)
                {
                    signalAllocation += allocated;
                    signalBars++;
                }
                else if (engine.Trades.Count != tradesBefore || engine.HasPosition != heldBefore)
                {
                    maxFillAllocation = Math.Max(maxFillAllocation, allocated);
                    fillBars++;
                }
                else if (engine.LastScored)
                {
                    maxScoredAllocation = Math.Max(maxScoredAllocation, allocated);
                    scoredBars++;
                }
                else
                {
                    maxQuietAllocation = Math.Max(maxQuietAllocation, allocated);
                    quietAllocating += allocated > 0 ? 1 : 0;
                    quietBars++;
                }
            }

            if (round > 0)
            {
                Baseline(a, b, version.Predictor.FeatureWindows, times["baseline: features alone"]);
            }
        }

        Console.WriteLine($"| bars | count | p50 µs | p99 µs | max µs |  ({rounds} replays of AUD/NZD after a warm-up replay)");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach ((string name, List<long> list) in times)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {list.Count:N0} | {Micro(list, 0.50):F2} | {Micro(list, 0.99):F2} | {Micro(list, 1.0):F2} |"));
        }

        Console.WriteLine();
        PredictorCost(version.Predictor);
        Micro("the signal id (SHA-256 of model|pair|time|version|action)", () => SignalId.Of("audnzd-h4", "AUDUSD-NZDUSD", new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero), "20261207_1406_23e950c", SignalAction.Entry).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation: {quietAllocating:N0} of the {quietBars:N0} bars that emitted nothing and filled nothing allocated (at most {maxQuietAllocation} B); at most {maxScoredAllocation} B on each of the {scoredBars:N0} that scored a candidate the model declined; at most {maxFillAllocation} B on each of the {fillBars:N0} that filled an order decided before (the open position or the completed trade); {(double)signalAllocation / Math.Max(1, signalBars):F0} B per bar that emitted ({signalBars:N0} bars: the signal, its legs and id)"));
    }

    // The model alone on one ready row: prepare (scale), predict (both boosters), post-process (both calibrators).
    private static void PredictorCost(IPredictor predictor)
    {
        double[] row = [0.9, -2.3, 0.4, -1.8, 0.3, 40, 0.8, 0.001, 0.02, 0.004, 0.004, 0.002, 1.1, -0.5, -0.02, 35, 0.01];
        double[] input = new double[row.Length], output = new double[2];
        Micro("the model alone (scale + AI1 + AI2 + calibrators), one row", () =>
        {
            predictor.PrepareInput(row, input);
            predictor.Predict(input, output);
            predictor.PostProcess(output);
            return 0;
        });
    }

    private static void Micro(string what, Func<int> action)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            const int n = 100_000;
            long start = Stopwatch.GetTimestamp();
            for (int k = 0; k < n; k++)
            {
                action();
            }

            if (pass == 1)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {(Stopwatch.GetTimestamp() - start) * 1e6 / Stopwatch.Frequency / n:F2} µs"));
            }
        }
    }

    private static void Baseline(BarSeries a, BarSeries b, PairFeatureOptions windows, List<long> times)
    {
        AlignedPair pair = PairAligner.Align(a, b);
        var state = new PairFeatureState(windows);
        Span<double> row = stackalloc double[FeatureNames.Count];
        for (int k = 0; k < pair.Count; k++)
        {
            if (pair.Segment[k] < 0)
            {
                continue;
            }

            var bar = new PairBar(pair.HighA[k], pair.LowA[k], pair.CloseA[k], pair.HighB[k], pair.LowB[k], pair.CloseB[k]);
            long start = Stopwatch.GetTimestamp();
            bool ready = state.Update(bar, row);
            long elapsed = Stopwatch.GetTimestamp() - start;
            if (ready)
            {
                times.Add(elapsed);
            }
        }
    }

    private static double Micro(List<long> sorted, double quantile) => sorted.Count == 0
        ? double.NaN
        : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1 < 0 ? 0 : (int)Math.Ceiling(quantile * sorted.Count) - 1)] * 1e6 / Stopwatch.Frequency;
}
