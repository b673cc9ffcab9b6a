using Alpha.TestUtils;

namespace Alpha.Benchmarks.Boosting;

/// <summary>
/// <c>./build.sh bench mutate N [seed]</c>: the test suite's model-file mutation run (ModelMutationTests) at N cases
/// per format — the XGBoost test models and the shared LightGBM parity models — printing each format's counts.
/// Exits with code 1 if any case threw anything but ModelFormatException or hung.
/// </summary>
internal static class ModelMutationCommand
{
    public static void Run(int cases, int seed)
    {
        string root = RepositoryPaths.Root();
        var timeout = TimeSpan.FromSeconds(10);
        MutationReport xgboost = MutationRun.Run(
            ModelMutationCases.XGBoostModels(Path.Combine(root, "tests", "Alpha.Boosting.Tests", "TestData", "xgboost")), cases, seed, timeout, ModelMutationCases.XGBoostJson, ModelMutationCases.IsTyped);
        Console.WriteLine($"XGBoost JSON:  {xgboost}");
        MutationReport lightGbm = MutationRun.Run(
            ModelMutationCases.LightGbmModels(RepositoryPaths.SharedData("lightgbm-parity")), cases, seed, timeout, ModelMutationCases.LightGbmText, ModelMutationCases.IsTyped);
        Console.WriteLine($"LightGBM text: {lightGbm}");
        Environment.ExitCode = xgboost.IsClean && lightGbm.IsClean ? 0 : 1;
    }
}
