using System.Text.Json;
using Alpha.Optimization;

namespace Alpha.Benchmarks.Optimization;

/// <summary>
/// `dotnet run -c Release --project benchmarks/Alpha.Benchmarks -- tpe-quality out.json`: our TPE (default,
/// univariate, 10 start-up trials) on each test function, 30 seeds, 100 trials; writes the best value after 50 and
/// after 100 trials per seed for benchmarks/python/tpe_quality.py to compare with Optuna 3.1.
/// </summary>
internal static class TpeQualityRun
{
    public static void Write(string path)
    {
        var results = new Dictionary<string, object>();
        foreach ((string name, SearchSpace space, Func<Trial, double> objective) in TestFunctions.All)
        {
            var best50 = new List<double>();
            var best100 = new List<double>();
            for (int seed = 0; seed < 30; seed++)
            {
                StudyResult result = new Study(space, new TpeSampler(seed: seed), new StudyOptions { MaxTrials = 100 }).Optimize(objective);
                best50.Add(result.Trials.Take(50).Where(t => t.State == TrialState.Complete).Min(t => t.Value!.Value));
                best100.Add(result.Best!.Value!.Value);
            }

            results[name] = new { best50, best100 };
        }

        File.WriteAllText(path, JsonSerializer.Serialize(results));
        Console.WriteLine($"wrote {path}");
    }
}
