using Alpha.Boosting.XGBoost;
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
/// <code>dotnet run -c Release --project benchmarks/Alpha.Benchmarks -- retrain-stages ../shared/data/fx-audnzd 11</code>
/// </summary>
internal static class RetrainStageTimes
{
    public static void Run(string dataFolder, int runs)
    {
        string a = Path.Combine(dataFolder, "AUDUSD_H4.csv"), b = Path.Combine(dataFolder, "NZDUSD_H4.csv");
        var times = new Dictionary<string, List<double>>();
        void Add(string stage, double ms) => (times.TryGetValue(stage, out List<double>? list) ? list : times[stage] = []).Add(ms);
        for (int run = 0; run <= runs; run++)
        {
            var total = Stopwatch.StartNew();
            var data = PairDataset.FromFiles(a, b);
            double load = total.Elapsed.TotalMilliseconds;
            RetrainResult result = new RetrainFlow(TrainingPolicy.Default, [new XGBoostTrainer()]).Run(data);
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
    }

}
