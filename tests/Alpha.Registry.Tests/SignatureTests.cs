using System.Text;

namespace Alpha.Registry.Tests;

public sealed class SignatureTests
{
    [Fact]
    public void SignedVersion_VerifiesWithItsKey_AndNamesTheKey()
    {
        var versions = new SignedVersions();
        ModelVerification check = ModelStore.Verify(versions.Folder(versions.Write()), versions.Trust);

        Assert.True(check.IsValid, string.Join(" ", check.Problems));
        Assert.Equal(SignatureStatus.Valid, check.Signature);
        Assert.Equal(versions.Key.KeyId, check.KeyId);
        Assert.True(File.Exists(Path.Combine(check.Folder, ModelFiles.Signature)));
    }

    [Fact]
    public void UnsignedVersion_IsRefusedWhenSignaturesAreRequired_AndAcceptedOnChecksumsOnly()
    {
        var versions = new SignedVersions();
        string folder = versions.Folder(versions.Write(sign: false));

        ModelVerification strict = ModelStore.Verify(folder, versions.Trust);
        Assert.False(strict.IsValid);
        Assert.Equal(SignatureStatus.Missing, strict.Signature);
        Assert.Contains(strict.Problems, p => p.Contains(ModelFiles.Signature, StringComparison.Ordinal));
        Assert.True(ModelStore.Verify(folder, ModelTrust.ChecksumsOnly).IsValid);
    }

    [Fact]
    public void UnknownKey_IsRefused_AndRotationTrustsOldAndNewKeys()
    {
        var oldKey = new SignedVersions();
        var newKey = new SignedVersions();
        string byOld = oldKey.Folder(oldKey.Write()), byNew = newKey.Folder(newKey.Write());

        ModelVerification unknown = ModelStore.Verify(byOld, newKey.Trust);
        Assert.Equal(SignatureStatus.UnknownKey, unknown.Signature);
        Assert.False(unknown.IsValid);
        Assert.Contains(unknown.Problems, p => p.Contains(oldKey.Key.KeyId, StringComparison.Ordinal));

        var both = new ModelTrust([oldKey.Key.ExportPublicKeyPem(), newKey.Key.ExportPublicKeyPem()]);
        Assert.True(ModelStore.Verify(byOld, both).IsValid);
        Assert.True(ModelStore.Verify(byNew, both).IsValid);
        Assert.Equal(new[] { oldKey.Key.KeyId, newKey.Key.KeyId }.Order(StringComparer.Ordinal), both.KeyIds.AsEnumerable());
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("run")]
    [InlineData("checksums")]
    [InlineData("artifact")]
    public void TamperedBytes_AreRefused(string what)
    {
        var versions = new SignedVersions();
        string folder = versions.Folder(versions.Write());
        switch (what)
        {
            case "signature":
                string path = Path.Combine(folder, ModelFiles.Signature);
                using (var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path)))
                {
                    byte[] bytes = doc.RootElement.GetProperty("signature").GetBytesFromBase64();
                    bytes[5] ^= 0x01;
                    string keyId = doc.RootElement.GetProperty("key_id").GetString()!, algorithm = doc.RootElement.GetProperty("algorithm").GetString()!;
                    File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(new { algorithm, key_id = keyId, signature = Convert.ToBase64String(bytes) }));
                }

                break;
            case "run":
                File.WriteAllText(Path.Combine(folder, ModelFiles.Run), File.ReadAllText(Path.Combine(folder, ModelFiles.Run)).Replace("2026", "2025", StringComparison.Ordinal));
                break;
            case "checksums":
                // A consistent forgery: the artifact and its checksum both changed; only the signature (and the name) catch it.
                string artifact = Path.Combine(folder, ModelFiles.Ai1Model);
                string oldHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(artifact)));
                File.WriteAllText(artifact, "{\"learner\":\"forged\"}");
                string newHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(artifact)));
                string checksums = Path.Combine(folder, ModelFiles.Checksums);
                File.WriteAllText(checksums, File.ReadAllText(checksums).Replace(oldHash, newHash, StringComparison.Ordinal));
                break;
            default:
                File.AppendAllText(Path.Combine(folder, ModelFiles.Params), "theta1: 0.9\n");
                break;
        }

        ModelVerification check = ModelStore.Verify(folder, versions.Trust);

        Assert.False(check.IsValid);
        if (what is "signature" or "run" or "checksums")
        {
            Assert.Equal(SignatureStatus.Invalid, check.Signature);
        }
        else
        {
            Assert.Contains(check.Problems, p => p.StartsWith(ModelFiles.Params + " does not match its checksum", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Keys_RoundTripThroughPem_AndPrivateKeysAreNeverTrustedOrShown()
    {
        ModelSigningKey key = ModelSigningKey.Create();
        string folder = Directory.CreateTempSubdirectory("alpha-keys-").FullName;
        File.WriteAllText(Path.Combine(folder, "training.pem"), key.ExportPrivateKeyPem());

        Assert.Equal(key.KeyId, ModelSigningKey.Load(Path.Combine(folder, "training.pem")).KeyId);
        Assert.DoesNotContain("PRIVATE", key.ToString(), StringComparison.Ordinal);
        InvalidDataException trusted = Assert.Throws<InvalidDataException>(() => ModelTrust.FromFolder(folder));
        Assert.Contains("training.pem", trusted.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder, "training.pem"), key.ExportPublicKeyPem());
        Assert.Equal(key.KeyId, Assert.Single(ModelTrust.FromFolder(folder).KeyIds));
        Assert.Contains("public key only", Assert.Throws<InvalidDataException>(() => ModelSigningKey.Load(Path.Combine(folder, "training.pem"))).Message, StringComparison.Ordinal);
        File.WriteAllBytes(Path.Combine(folder, "garbage.pem"), Encoding.UTF8.GetBytes("not a key"));
        Assert.Throws<InvalidDataException>(() => ModelTrust.FromFolder(folder));
    }

    [Fact]
    public void ReservedOrFolderedArtifactNames_AreRefusedBeforeAnythingIsWritten()
    {
        string root = Directory.CreateTempSubdirectory("alpha-registry-").FullName;
        foreach (string name in (string[])[ModelFiles.Signature, ModelFiles.Run, ModelFiles.Checksums, "sub/file", ".hidden", ""])
        {
            var artifacts = SignedVersions.Artifacts(1).Add(name, [1]);
            Assert.Throws<ArgumentException>(() => ModelStore.Write(artifacts, root, TimeProvider.System));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }
}
