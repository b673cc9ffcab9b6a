using Alpha.Benchmarks.Optimization;
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

if (args is ["mutate", string cases, ..])
{
    Alpha.Benchmarks.Boosting.ModelMutationCommand.Run(int.Parse(cases, System.Globalization.CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20261207);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TpeQualityRun).Assembly).Run(args);
