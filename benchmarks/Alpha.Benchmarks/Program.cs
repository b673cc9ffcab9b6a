using Alpha.Benchmarks.Optimization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

if (args is ["tpe-quality", string output])
{
    TpeQualityRun.Write(output);
    return;
}

if (args is ["retrain-stages", string dataFolder, string runs, ..])
{
    Alpha.Benchmarks.Training.RetrainStageTimes.Run(dataFolder, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 ? args[3] : "xgboost");
    return;
}

if (args is ["inference-latency", ..])
{
    Alpha.Benchmarks.Inference.EngineLatency.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

if (args is ["worker-load", string redis, ..])
{
    await Alpha.Benchmarks.Inference.WorkerLoad.RunAsync(redis, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
    return;
}

if (args is ["api-load", string postgres, string apiRedis, ..])
{
    await Alpha.Benchmarks.Inference.ApiLoad.RunAsync(postgres, apiRedis, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 30);
    return;
}

if (args is ["mutate", string cases, ..])
{
    Alpha.Benchmarks.Boosting.ModelMutationCommand.Run(int.Parse(cases, System.Globalization.CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20261207);
    return;
}

// BenchmarkDotNet runs each benchmark in a project it generates, which does not inherit this project's MSBuild JIT
// properties: the hosts' settings (no tiered PGO, loops compiled optimised straight away; hosts/Directory.Build.props)
// reach every job, --job short included, as environment variables of the benchmark process, and show in each report.
Job hostJit = Job.Default
    .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredPGO", "0"), new EnvironmentVariable("DOTNET_TC_QuickJitForLoops", "0"))
    .AsMutator();
// Building the generated project on one busy core can take longer than BenchmarkDotNet's 2-minute default.
IConfig config = DefaultConfig.Instance.AddJob(hostJit).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(TpeQualityRun).Assembly).Run(args, config);
