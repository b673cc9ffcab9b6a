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
        string root = FindRepositoryRoot();
        var timeout = TimeSpan.FromSeconds(10);
        MutationReport xgboost = MutationRun.Run(
            ModelMutationCases.XGBoostModels(Path.Combine(root, "tests", "Alpha.Boosting.Tests", "TestData", "xgboost")), cases, seed, timeout, ModelMutationCases.XGBoostJson, ModelMutationCases.IsTyped);
        Console.WriteLine($"XGBoost JSON:  {xgboost}");
        MutationReport lightGbm = MutationRun.Run(
            ModelMutationCases.LightGbmModels(Path.Combine(root, "..", "shared", "data", "lightgbm-parity")), cases, seed, timeout, ModelMutationCases.LightGbmText, ModelMutationCases.IsTyped);
        Console.WriteLine($"LightGBM text: {lightGbm}");
        Environment.ExitCode = xgboost.IsClean && lightGbm.IsClean ? 0 : 1;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Alpha.Libraries.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Alpha.Libraries.sln not found above " + AppContext.BaseDirectory);
    }
}
