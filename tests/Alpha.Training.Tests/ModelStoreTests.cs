using System.Collections.Immutable;

namespace Alpha.Training.Tests;

[Collection(Sequential.Name)]
public sealed class ModelStoreTests(FlowFixture flow) : IClassFixture<FlowFixture>
{
    private static readonly ManualTimeProvider s_clock = new(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero));

    [XGBoostFact]
    public void AWriteThatFailsHalfway_LeavesNoVersionAndNoStaging()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        string existing = ModelStore.Write(flow.Result, root, s_clock);

        // An artifact that cannot be written, sorted after several that can: the write fails midway.
        RetrainResult broken = flow.Result with { Artifacts = flow.Result.Artifacts.Add("seed/unwritable", [1, 2, 3]) };
        Assert.ThrowsAny<IOException>(() => ModelStore.Write(broken, root, new ManualTimeProvider(s_clock.Now.AddHours(1))));

        Assert.Equal([existing], Directory.EnumerateDirectories(root));
        Assert.True(ModelStore.Verify(existing).IsValid);
    }

    [XGBoostFact]
    public void CancelledWrite_LeavesNothing()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        Assert.ThrowsAny<OperationCanceledException>(() => ModelStore.Write(flow.Result, root, s_clock, new CancellationToken(canceled: true)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [XGBoostFact]
    public void LeftoverStagingFromACrash_IsNoVersion_AndTheNextWriteSucceeds()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        string version = Path.GetFileName(ModelStore.Write(flow.Result, Directory.CreateTempSubdirectory("alpha-models-").FullName, s_clock));
        string staging = Path.Combine(root, ".staging-" + version);
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, ModelFiles.Ai1Model), "{\"half\":");

        Assert.Empty(ModelStore.ListVersions(root));
        Assert.False(ModelStore.Verify(staging).IsValid);
        string written = ModelStore.Write(flow.Result, root, s_clock);
        Assert.Equal([written], ModelStore.ListVersions(root).ToArray());
        Assert.False(Directory.Exists(staging));
    }

    [XGBoostFact]
    public void ExistingVersion_IsNeverOverwritten()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        string folder = ModelStore.Write(flow.Result, root, s_clock);
        Assert.Throws<IOException>(() => ModelStore.Write(flow.Result, root, s_clock));
        Assert.True(ModelStore.Verify(folder).IsValid);
    }

    [XGBoostFact]
    public void TamperedMissingOrExtraFiles_FailVerification_AndTheModelIsNotLoaded()
    {
        string folder = ModelStore.Write(flow.Result, Directory.CreateTempSubdirectory("alpha-models-").FullName, s_clock);
        File.AppendAllText(Path.Combine(folder, ModelFiles.Params), "theta1: 0.01\n");
        File.Delete(Path.Combine(folder, ModelFiles.Seed));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "hello");

        ModelVerification check = ModelStore.Verify(folder);

        Assert.False(check.IsValid);
        Assert.Contains(check.Problems, p => p.StartsWith(ModelFiles.Params + " does not match", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p == ModelFiles.Seed + " is missing.");
        Assert.Contains(check.Problems, p => p.StartsWith("notes.txt is not listed", StringComparison.Ordinal));
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => TrainedModel.Load(folder));
        Assert.Contains(ModelFiles.Params, e.Message, StringComparison.Ordinal);
    }

    [XGBoostFact]
    public void RenamedVersion_FailsVerification()
    {
        string folder = ModelStore.Write(flow.Result, Directory.CreateTempSubdirectory("alpha-models-").FullName, s_clock);
        string renamed = folder[..^7] + "0000000";
        Directory.Move(folder, renamed);
        Assert.Contains(ModelStore.Verify(renamed).Problems, p => p.Contains("does not end with the checksums' hash", StringComparison.Ordinal));
    }

    [XGBoostFact]
    public void Prune_KeepsTheNewestAndTheProtected()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        ImmutableArray<string> written = [.. Enumerable.Range(0, 7).Select(d => ModelStore.Write(flow.Result, root, new ManualTimeProvider(s_clock.Now.AddDays(d))))];

        ImmutableArray<string> deleted = ModelStore.Prune(root, keep: 5, protectedVersions: [Path.GetFileName(written[0])]);

        Assert.Equal([written[1]], deleted.ToArray());
        Assert.Equal([written[0], .. written[2..]], ModelStore.ListVersions(root).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelStore.Prune(root, keep: 3));
    }
}
