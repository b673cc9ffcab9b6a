using Alpha.Benchmarks.Optimization;
using BenchmarkDotNet.Running;

if (args is ["tpe-quality", string output])
{
    TpeQualityRun.Write(output);
    return;
}

if (args is ["retrain-stages", string dataFolder, string runs])
{
    Alpha.Benchmarks.Training.RetrainStageTimes.Run(dataFolder, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TpeQualityRun).Assembly).Run(args);
