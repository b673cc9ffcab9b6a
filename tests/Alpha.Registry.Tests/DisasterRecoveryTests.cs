namespace Alpha.Registry.Tests;

/// <summary>Deploy copies the version to the backup root; a lost or corrupted version is restored from it and verified.</summary>
public sealed class DisasterRecoveryTests
{
    private static readonly RegistryActor s_ops = new("carol", "ops");

    [Fact]
    public async Task DeletedDeployedVersion_IsRestoredFromTheBackup_AndVerified()
    {
        (ModelRegistry registry, SignedVersions versions, string v) = await DeployedAsync();
        Directory.Delete(versions.Folder(v), recursive: true);

        VerifiedVersion opened = await registry.OpenAsync("pair");

        Assert.True(opened.RestoredFromBackup);
        Assert.Equal(versions.Folder(v), opened.Folder);
        Assert.True(ModelStore.Verify(opened.Folder, versions.Trust).IsValid);
        Assert.False((await registry.OpenAsync("pair")).RestoredFromBackup);
    }

    [Theory]
    [InlineData("artifact")]
    [InlineData("signature")]
    [InlineData("swapped")]
    public async Task CorruptedDeployedVersion_IsQuarantined_AndRestored(string corruption)
    {
        (ModelRegistry registry, SignedVersions versions, string v) = await DeployedAsync();
        string folder = versions.Folder(v);
        switch (corruption)
        {
            case "artifact":
                File.WriteAllText(Path.Combine(folder, ModelFiles.Ai1Model), "{\"learner\":\"bit rot\"}");
                break;
            case "signature":
                File.Delete(Path.Combine(folder, ModelFiles.Signature));
                break;
            default:
                // Another, validly signed version's files under this version's name: only the registered digest tells.
                string other = versions.Folder(versions.Write());
                foreach (string file in Directory.EnumerateFiles(folder))
                {
                    File.Delete(file);
                }

                foreach (string file in Directory.EnumerateFiles(other))
                {
                    File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
                }

                break;
        }

        ModelVerification found = await registry.VerifyAsync("pair", v);      // reports, restores nothing
        Assert.False(found.IsValid);
        Assert.Equal(corruption == "swapped", found.Problems.Any(p => p.Contains("is not the one registered", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(versions.ModelsRoot, ".quarantine")));

        VerifiedVersion opened = await registry.OpenAsync("pair", v);

        Assert.True(opened.RestoredFromBackup);
        Assert.True(opened.Verification.IsValid);
        Assert.Equal((await registry.StateAsync("pair", v)).ChecksumsDigest, opened.Verification.ChecksumsDigest);
        string quarantined = Assert.Single(Directory.EnumerateDirectories(Path.Combine(versions.ModelsRoot, ".quarantine")));
        Assert.StartsWith(v + "-", Path.GetFileName(quarantined), StringComparison.Ordinal);     // nothing stored is lost
    }

    [Fact]
    public async Task CorruptedVersionAndBackup_AreRefused_WithTheProblems()
    {
        (ModelRegistry registry, SignedVersions versions, string v) = await DeployedAsync();
        File.AppendAllText(Path.Combine(versions.Folder(v), ModelFiles.Params), "x: 1\n");
        File.AppendAllText(Path.Combine(registry.Options.BackupRoot!, v, ModelFiles.Params), "x: 1\n");

        ModelVerificationException refused = await Assert.ThrowsAsync<ModelVerificationException>(() => registry.OpenAsync("pair", v));

        Assert.Equal(v, refused.Version);
        Assert.Contains(refused.Problems, p => p.StartsWith(ModelFiles.Params, StringComparison.Ordinal));
        Assert.True(Directory.Exists(versions.Folder(v)));      // left as found for inspection
    }

    [Fact]
    public async Task WithoutBackupRoot_ACorruptedVersion_CannotBeDeployed()
    {
        var versions = new SignedVersions();
        var registry = ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = versions.ModelsRoot, Trust = versions.Trust });
        string v = versions.Write();
        await ApprovedAsync(registry, v);
        File.WriteAllText(Path.Combine(versions.Folder(v), ModelFiles.Ai2Model), "{}");

        await Assert.ThrowsAsync<ModelVerificationException>(() => registry.DeployAsync("pair", v, s_ops, "go"));
        Assert.Equal(ModelStatus.Approved, (await registry.StateAsync("pair", v)).Status);
    }

    [Fact]
    public async Task Prune_KeepsTheNewest_TheDeployedAndTheOneBefore_AndArchivesTheRest()
    {
        var versions = new SignedVersions();
        string backup = Directory.CreateTempSubdirectory("alpha-backup-").FullName;
        var registry = ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = versions.ModelsRoot, BackupRoot = backup, Trust = versions.Trust, KeepVersions = 5 });
        string[] v = [.. Enumerable.Range(0, 9).Select(_ => versions.Write())];
        foreach (string version in v)
        {
            await registry.RegisterAsync("pair", version, s_ops);
        }

        await ApprovedAsync(registry, v[0], register: false);
        await ApprovedAsync(registry, v[1], register: false);
        await registry.DeployAsync("pair", v[0], s_ops, "first");
        await registry.DeployAsync("pair", v[1], s_ops, "second");
        string crashed = Directory.CreateDirectory(Path.Combine(versions.ModelsRoot, ".staging-crashed")).FullName;
        Directory.SetLastWriteTimeUtc(crashed, DateTime.UtcNow - ModelStore.StagingStaleAfter - TimeSpan.FromMinutes(1));

        var deleted = await registry.PruneAsync(s_ops);

        Assert.Equal([v[2], v[3], ".staging-crashed"], deleted.Select(Path.GetFileName));
        Assert.Equal([v[0], v[1], .. v[4..]], ModelStore.ListVersions(versions.ModelsRoot).Select(Path.GetFileName));
        Assert.Equal(ModelStatus.Archived, (await registry.StateAsync("pair", v[2])).Status);
        Assert.Equal(ModelStatus.Archived, (await registry.StateAsync("pair", v[3])).Status);
        Assert.Equal(ModelStatus.Deployed, (await registry.StateAsync("pair", v[1])).Status);
        Assert.Equal(ModelStatus.Retired, (await registry.StateAsync("pair", v[0])).Status);
        Assert.Equal("retention: keep_versions 5", (await registry.HistoryAsync("pair"))[^1].Reason);
        Assert.True(Directory.Exists(Path.Combine(backup, v[0])) && Directory.Exists(Path.Combine(backup, v[1])));
        Assert.Empty(await registry.PruneAsync(s_ops));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegistryOptions { ModelsRoot = versions.ModelsRoot, Trust = versions.Trust, KeepVersions = 4 }.Validate());
    }

    private static async Task<(ModelRegistry Registry, SignedVersions Versions, string Version)> DeployedAsync()
    {
        var versions = new SignedVersions();
        string backup = Directory.CreateTempSubdirectory("alpha-backup-").FullName;
        var registry = ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = versions.ModelsRoot, BackupRoot = backup, Trust = versions.Trust });
        string v = versions.Write();
        await ApprovedAsync(registry, v);
        await registry.DeployAsync("pair", v, s_ops, "go live");
        Assert.True(ModelStore.Verify(Path.Combine(backup, v), versions.Trust).IsValid);
        return (registry, versions, v);
    }

    private static async Task ApprovedAsync(ModelRegistry registry, string version, bool register = true)
    {
        if (register)
        {
            await registry.RegisterAsync("pair", version, s_ops);
        }

        await registry.PromoteAsync("pair", version, s_ops);
        await registry.ApproveAsync("pair", version, s_ops, "reviewed");
    }
}
