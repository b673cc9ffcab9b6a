using Alpha.Benchmarks.Optimization;
using BenchmarkDotNet.Running;

if (args is ["tpe-quality", string output])
{
    TpeQualityRun.Write(output);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TpeQualityRun).Assembly).Run(args);
