using System.Collections.Immutable;
using Alpha.Registry;

namespace Alpha.Training.Tests;

[Collection(Sequential.Name)]
public sealed class ModelStoreTests(FlowFixture flow) : IClassFixture<FlowFixture>
{
    private static readonly ManualTimeProvider s_clock = new(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero));

    [XGBoostFact]
    public void AWriteThatFailsHalfway_LeavesNoVersionAndNoStaging()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        string existing = ModelStore.Write(flow.Result.Artifacts, root, s_clock);

        // An artifact the file system cannot create (a name over 255 bytes), sorted after every other: the write fails midway.
        RetrainResult broken = flow.Result with { Artifacts = flow.Result.Artifacts.Add(new string('z', 300), [1, 2, 3]) };
        Assert.ThrowsAny<IOException>(() => ModelStore.Write(broken.Artifacts, root, new ManualTimeProvider(s_clock.Now.AddHours(1))));

        Assert.Equal([existing], Directory.EnumerateDirectories(root));
        Assert.True(ModelStore.Verify(existing).IsValid);
    }

    [XGBoostFact]
    public void CancelledWrite_LeavesNothing()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        Assert.ThrowsAny<OperationCanceledException>(() => ModelStore.Write(flow.Result.Artifacts, root, s_clock, cancellationToken: new CancellationToken(canceled: true)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [XGBoostFact]
    public void LeftoverStagingFromACrash_IsNoVersion_AndTheNextWriteSucceeds()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        string version = Path.GetFileName(ModelStore.Write(flow.Result.Artifacts, Directory.CreateTempSubdirectory("alpha-models-").FullName, s_clock));
        string staging = Path.Combine(root, ".staging-" + version);
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, ModelFiles.Ai1Model), "{\"half\":");

        Assert.Empty(ModelStore.ListVersions(root));
        Assert.False(ModelStore.Verify(staging).IsValid);
        string written = ModelStore.Write(flow.Result.Artifacts, root, s_clock);
        Assert.Equal([written], ModelStore.ListVersions(root).ToArray());
        Assert.False(Directory.Exists(staging));
    }

    [XGBoostFact]
    public void ExistingVersion_IsNeverOverwritten()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        string folder = ModelStore.Write(flow.Result.Artifacts, root, s_clock);
        ModelVersionExistsException clash = Assert.Throws<ModelVersionExistsException>(() => ModelStore.Write(flow.Result.Artifacts, root, s_clock));
        Assert.Equal(Path.GetFileName(folder), clash.Version);
        Assert.True(ModelStore.Verify(folder).IsValid);
    }

    [XGBoostFact]
    public void TamperedMissingOrExtraFiles_FailVerification_AndTheModelIsNotLoaded()
    {
        string folder = ModelStore.Write(flow.Result.Artifacts, Directory.CreateTempSubdirectory("alpha-models-").FullName, s_clock);
        File.AppendAllText(Path.Combine(folder, ModelFiles.Params), "theta1: 0.01\n");
        File.Delete(Path.Combine(folder, ModelFiles.Seed));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "hello");

        ModelVerification check = ModelStore.Verify(folder);

        Assert.False(check.IsValid);
        Assert.Contains(check.Problems, p => p.StartsWith(ModelFiles.Params + " does not match", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p == ModelFiles.Seed + " is missing.");
        Assert.Contains(check.Problems, p => p.StartsWith("notes.txt is not listed", StringComparison.Ordinal));
        ModelVerificationException e = Assert.Throws<ModelVerificationException>(() => TrainedModel.Load(folder));
        Assert.Contains(ModelFiles.Params, e.Message, StringComparison.Ordinal);
        Assert.Equal(check.Problems.ToArray(), e.Problems.ToArray());
    }

    [XGBoostTheory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    public void ShortenedOrGarbledChecksum_IsAVerificationProblem(string garbled)
    {
        string folder = ModelStore.Write(flow.Result.Artifacts, Directory.CreateTempSubdirectory("alpha-models-").FullName, s_clock);
        string path = Path.Combine(folder, ModelFiles.Checksums);
        string text = File.ReadAllText(path);
        string hash = System.Text.RegularExpressions.Regex.Match(text, "\"seed\": \"([0-9a-f]{64})\"").Groups[1].Value;
        File.WriteAllText(path, text.Replace(hash, garbled, StringComparison.Ordinal));

        ModelVerification check = ModelStore.Verify(folder);

        Assert.Contains(check.Problems, p => p.Contains($"the checksum of {ModelFiles.Seed} is not a SHA-256", StringComparison.Ordinal));
        Assert.Throws<ModelVerificationException>(() => TrainedModel.Load(folder));
    }

    [XGBoostFact]
    public void DeleteStaleStaging_RemovesStaleStagingFolders_AndKeepsFreshOnes()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        string stale = Directory.CreateDirectory(Path.Combine(root, ".staging-20261101_0000_aaaaaaa")).FullName;
        File.WriteAllText(Path.Combine(stale, "model_ai1.json"), "{}");
        string fresh = Directory.CreateDirectory(Path.Combine(root, ".staging-20261101_0001_bbbbbbb")).FullName;
        File.WriteAllText(Path.Combine(fresh, "model_ai1.json"), "{}");
        DateTime written = File.GetLastWriteTimeUtc(Path.Combine(fresh, "model_ai1.json"));
        var old = written - ModelStore.StagingStaleAfter - TimeSpan.FromMinutes(1);
        File.SetLastWriteTimeUtc(Path.Combine(stale, "model_ai1.json"), old);
        Directory.SetLastWriteTimeUtc(stale, old);
        string version = ModelStore.Write(flow.Result.Artifacts, root, s_clock);

        var clock = new ManualTimeProvider(new DateTimeOffset(written, TimeSpan.Zero) + TimeSpan.FromMinutes(5));
        IReadOnlyList<string> deleted = ModelStore.DeleteStaleStaging(root, clock);

        Assert.Equal([stale], deleted);
        Assert.True(Directory.Exists(fresh));
        Assert.True(Directory.Exists(version));
    }

    [XGBoostFact]
    public void RenamedVersion_FailsVerification()
    {
        string folder = ModelStore.Write(flow.Result.Artifacts, Directory.CreateTempSubdirectory("alpha-models-").FullName, s_clock);
        string renamed = folder[..^7] + "0000000";
        Directory.Move(folder, renamed);
        Assert.Contains(ModelStore.Verify(renamed).Problems, p => p.Contains("does not end with the checksums' hash", StringComparison.Ordinal));
    }
}
