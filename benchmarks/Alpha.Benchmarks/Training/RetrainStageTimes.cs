using Alpha.Boosting.LightGbm;
using Alpha.Boosting.XGBoost;
using Alpha.Calibration;
using Alpha.Boosting.Training;
using System.Diagnostics;
using System.Globalization;
using Alpha.Training;

namespace Alpha.Benchmarks.Training;

/// <summary>
/// The whole retrain flow on the real AUD/NZD 4-hour pair (5 folds, θ search), in process: one warm-up run, then
/// <c>runs</c> timed runs; per stage the median and the minimum. A stopwatch, not BenchmarkDotNet: one run takes
/// seconds and its stages are what the issue compares with Python. After each run a fixed native XGBoost workload
/// (<see cref="XGBoostYardstick"/>) shows how fast the shared machine was at that moment.
/// <code>dotnet run -c Release --project benchmarks/Alpha.Benchmarks -- retrain-stages ../shared/data/fx-audnzd 11 [xgboost|lightgbm]</code>
/// The booster is the default policy's XGBoost, or LightGBM with DESIGN.md § 5's defaults (one thread per booster);
/// the out-of-fold AUC, log loss and Brier score of the last run follow the table.
/// </summary>
internal static class RetrainStageTimes
{
    public static void Run(string dataFolder, int runs, string booster = "xgboost")
    {
        TrainingPolicy policy = booster == "lightgbm"
            ? TrainingPolicy.Default with { Booster = new LightGbmParameters { Threads = 1, Seed = TrainingPolicy.Default.Seed } }
            : TrainingPolicy.Default;
        RetrainResult? last = null;
        string a = Path.Combine(dataFolder, "AUDUSD_H4.csv"), b = Path.Combine(dataFolder, "NZDUSD_H4.csv");
        var times = new Dictionary<string, List<double>>();
        void Add(string stage, double ms) => (times.TryGetValue(stage, out List<double>? list) ? list : times[stage] = []).Add(ms);
        for (int run = 0; run <= runs; run++)
        {
            var total = Stopwatch.StartNew();
            var data = PairDataset.FromFiles(a, b);
            double load = total.Elapsed.TotalMilliseconds;
            RetrainResult result = new RetrainFlow(policy, [new XGBoostTrainer(), new LightGbmTrainer()]).Run(data);
            last = result;
            double flow = total.Elapsed.TotalMilliseconds;

            // The backtest stage includes the stress scenarios; time one backtest at θ alone too.
            var single = Stopwatch.StartNew();
            _ = result.Scores.Backtest(result.Theta);
            double backtest = single.Elapsed.TotalMilliseconds;
            if (run == 0)
            {
                continue;     // warm-up
            }

            Add("load (read + hash both CSVs)", load);
            foreach ((RetrainStage stage, TimeSpan time) in result.StageTimes)
            {
                Add(stage.ToString(), time.TotalMilliseconds);
            }

            Add("one backtest at θ", backtest);
            Add("total", flow);
            Add("yardstick: native XGBoost, 300 rounds, 1 thread", XGBoostYardstick.Milliseconds());
        }

        Console.WriteLine($"| stage | median ms | min ms |  ({runs} runs after a warm-up)");
        Console.WriteLine("|---|---:|---:|");
        foreach ((string stage, List<double> ms) in times)
        {
            ms.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {ms[ms.Count / 2]:F1} | {ms[0]:F1} |"));
        }

        Console.WriteLine($"\n| {booster} model | folds' best rounds | out-of-fold AUC | log loss | Brier |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach ((string name, CalibrationReport report, IEnumerable<int> best) in new[] { ("AI1", last!.Ai1, last.Folds.Select(f => f.Ai1BestIteration + 1)), ("AI2", last.Ai2, last.Folds.Select(f => f.Ai2BestIteration + 1)) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {string.Join(", ", best)} | {report.RocAuc:F4} | {report.LogLoss:F4} | {report.Brier:F4} |"));
        }
    }

}
