using Alpha.Boosting;
using Xunit.Abstractions;

namespace Alpha.Boosting.Tests;

/// <summary>
/// Seeded mutants of real model files (truncated, flipped, spliced, numbers made huge, negative, NaN or infinite,
/// children pointed back up the tree): each is refused with a <see cref="ModelFormatException"/> or, when the mutation
/// left a valid model, loads and predicts finite-or-NaN numbers — never another exception, a hang or a crash.
/// <c>./build.sh bench mutate 100000</c> runs the same at 100,000 cases per format.
/// </summary>
public sealed class ModelMutationTests(ITestOutputHelper output)
{
    private const int Cases = 2_000;
    private const int Seed = 20261207;
    private static readonly TimeSpan s_perCase = TimeSpan.FromSeconds(10);

    [Fact]
    public void XGBoostJson_Mutants_AreRefusedWithTheTypedError_NeverHangOrCrash()
    {
        byte[][] models = ModelMutationCases.XGBoostModels(Path.Combine(AppContext.BaseDirectory, "TestData", "xgboost"));
        Assert.True(models.Length >= 5, "the XGBoost test models are missing");

        MutationReport report = MutationRun.Run(models, Cases, Seed, s_perCase, ModelMutationCases.XGBoostJson, ModelMutationCases.IsTyped);

        output.WriteLine(report.ToString());
        Assert.True(report.IsClean, report.ToString());
        Assert.True(report.Refused > Cases / 4, $"too few mutants were refused for the run to mean anything: {report}");
    }

    [SharedDataFact]
    public void LightGbmText_Mutants_AreRefusedWithTheTypedError_NeverHangOrCrash()
    {
        byte[][] models = ModelMutationCases.LightGbmModels(Path.Combine(TestEnvironment.SharedDataPath, "lightgbm-parity"));

        MutationReport report = MutationRun.Run(models, Cases, Seed, s_perCase, ModelMutationCases.LightGbmText, ModelMutationCases.IsTyped);

        output.WriteLine(report.ToString());
        Assert.True(report.IsClean, report.ToString());
        Assert.True(report.Refused > Cases / 4, $"too few mutants were refused for the run to mean anything: {report}");
    }
}
