using System.Collections.Immutable;
using Alpha.Backtesting;
using Alpha.Registry;

namespace Alpha.Training.Tests;

[Collection(Sequential.Name)]
public sealed class RetrainPublisherTests(FlowFixture flow) : IClassFixture<FlowFixture>
{
    [XGBoostTheory]
    [InlineData(false, false, ModelStatus.Draft)]
    [InlineData(true, false, ModelStatus.Candidate)]
    [InlineData(true, true, ModelStatus.Deployed)]
    [InlineData(false, true, ModelStatus.Draft)]
    public async Task Publish_RegistersADraft_PromotesWhenAdopted_DeploysOnlyWithAutoDeploy(bool adopted, bool autoDeploy, ModelStatus expected)
    {
        var versions = new SignedVersions();
        var registry = ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = versions.ModelsRoot, Trust = versions.Trust });
        RetrainResult run = flow.Result with { Adoption = new AdoptionDecision(adopted, flow.Result.Adoption.Criteria) };

        ModelVersionState state = await RetrainPublisher.PublishAsync(registry, "synthetic", run, autoDeploy, versions.Key);

        Assert.Equal(expected, state.Status);
        ImmutableArray<RegistryEvent> history = await registry.HistoryAsync("synthetic");
        Assert.All(history, e => Assert.Equal(("retrain", "system"), (e.Actor, e.Role)));
        Assert.Equal(expected, history[^1].To);
        ModelVerification check = ModelStore.Verify(Path.Combine(versions.ModelsRoot, state.Version), versions.Trust);
        Assert.Equal(SignatureStatus.Valid, check.Signature);
        ModelVersionRecord row = Assert.IsType<ModelVersionRecord>(state.Record);
        long seed = long.Parse(System.Text.Encoding.UTF8.GetString([.. run.Artifacts[ModelFiles.Seed]]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((run.Theta.Theta1, run.Theta.Theta2, seed), (row.Theta1, row.Theta2, row.Seed!.Value));
        Assert.StartsWith(adopted ? "retrain run; adoption passed" : "retrain run; adoption failed", row.Notes, StringComparison.Ordinal);
        using var index = System.Text.Json.JsonDocument.Parse(run.Artifacts[ModelFiles.DatasetIndex].AsMemory());
        Assert.Equal(index.RootElement.GetProperty("data_hash").GetString(), row.DataHash);
        Assert.Matches("^[0-9a-f]{64}$", row.DataHash);
    }
}
