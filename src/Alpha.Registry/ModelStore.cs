using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Alpha.Registry;

/// <summary>
/// The version-folder format: <c>models_root/{model_version}/</c> with every artifact, <c>checksums.json</c> (SHA-256 of
/// each artifact), <c>run.json</c> and, when a signing key is given, <c>signature.json</c>. A version is written to a
/// staging folder and renamed into place, so a crash never leaves a half-written version; the version is
/// <c>yyyyMMdd_HHmm_</c> + the first 7 hex digits of the SHA-256 of <c>checksums.json</c>. Nothing is written into a
/// version folder after it is sealed.
/// </summary>
public static class ModelStore
{
    /// <summary>The name prefix of every folder a write or copy is staged in before its rename.</summary>
    internal const string StagingPrefix = ".staging-";

    /// <summary>Writes artifacts as a new version, signed when <paramref name="signingKey"/> is given.</summary>
    /// <param name="artifacts">File name → content (plain names, no folders; not one of the names the format reserves).</param>
    /// <param name="modelsRoot">The models folder (created when missing).</param>
    /// <param name="timeProvider">The clock for the version's timestamp and <c>created_at</c>.</param>
    /// <param name="signingKey">The training key that signs the version; <see langword="null"/> writes an unsigned version (hosts that require signatures refuse it).</param>
    /// <param name="cancellationToken">Checked between files; a cancelled write leaves nothing behind.</param>
    /// <returns>The version's folder.</returns>
    /// <exception cref="ArgumentException">An artifact name is empty, has a folder in it or is reserved.</exception>
    /// <exception cref="ModelVersionExistsException">The version already exists (the same artifacts stored in the same minute); nothing was changed.</exception>
    public static string Write(
        IReadOnlyDictionary<string, ImmutableArray<byte>> artifacts, string modelsRoot, TimeProvider timeProvider, ModelSigningKey? signingKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentException.ThrowIfNullOrEmpty(modelsRoot);
        ArgumentNullException.ThrowIfNull(timeProvider);
        foreach (string name in artifacts.Keys)
        {
            if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.') || name is ModelFiles.Checksums or ModelFiles.Run or ModelFiles.Signature)
            {
                throw new ArgumentException($"'{name}' cannot be an artifact's name: names are plain file names, not starting with '.', and not {ModelFiles.Checksums}, {ModelFiles.Run} or {ModelFiles.Signature}.", nameof(artifacts));
            }
        }

        byte[] checksums = Checksums(artifacts);
        DateTimeOffset now = timeProvider.GetUtcNow();
        string version = now.UtcDateTime.ToString("yyyyMMdd_HHmm", CultureInfo.InvariantCulture) + "_" + Convert.ToHexStringLower(SHA256.HashData(checksums))[..7];
        string target = Path.Combine(modelsRoot, version);
        if (Directory.Exists(target))
        {
            throw new ModelVersionExistsException(version, modelsRoot);
        }

        Directory.CreateDirectory(modelsRoot);
        string staging = Path.Combine(modelsRoot, StagingPrefix + version);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);     // left by a crashed run
        }

        Directory.CreateDirectory(staging);
        try
        {
            foreach ((string name, ImmutableArray<byte> content) in artifacts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                DurableFile.Write(Path.Combine(staging, name), content.AsSpan());
            }

            DurableFile.Write(Path.Combine(staging, ModelFiles.Checksums), checksums);
            byte[] run = Encoding.UTF8.GetBytes($"{{\n  \"model_version\": \"{version}\",\n  \"created_at\": \"{now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}\"\n}}\n");
            DurableFile.Write(Path.Combine(staging, ModelFiles.Run), run);
            if (signingKey is not null)
            {
                DurableFile.Write(Path.Combine(staging, ModelFiles.Signature), ModelSignature.Create(signingKey, checksums, run));
            }

            cancellationToken.ThrowIfCancellationRequested();
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }

        return target;
    }

    /// <summary>
    /// Checks every file of a version folder against its <c>checksums.json</c>, the version against the checksums'
    /// hash, and the signature against <paramref name="trust"/>.
    /// </summary>
    /// <param name="folder">The version folder.</param>
    /// <param name="trust">The trusted public keys and whether a signature is required; default <see cref="ModelTrust.ChecksumsOnly"/>.</param>
    /// <returns>Every problem found (empty when the version may be used) and the signature's status.</returns>
    public static ModelVerification Verify(string folder, ModelTrust? trust = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        trust ??= ModelTrust.ChecksumsOnly;
        string version = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var problems = ImmutableArray.CreateBuilder<string>();
        string checksumsPath = Path.Combine(folder, ModelFiles.Checksums);
        if (!File.Exists(checksumsPath))
        {
            string what = Directory.Exists(folder) ? "not a model version folder (or a half-written one)" : "the version folder does not exist";
            return new ModelVerification(folder, version, [$"{ModelFiles.Checksums} is missing: {what}."], SignatureStatus.Missing, null);
        }

        byte[] checksums = File.ReadAllBytes(checksumsPath);
        Dictionary<string, string> expected;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(checksums);
            expected = doc.RootElement.GetProperty("files").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new ModelVerification(folder, version, [$"{ModelFiles.Checksums} is not valid: {e.Message}"], SignatureStatus.Missing, null);
        }

        foreach ((string name, string hash) in expected.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string path = Path.Combine(folder, name);
            if (name.Contains('/') || name.Contains('\\') || !File.Exists(path))
            {
                problems.Add($"{name} is missing.");
                continue;
            }

            if (!Sha256Hex.IsValid(hash))
            {
                problems.Add($"{ModelFiles.Checksums}: the checksum of {name} is not a SHA-256 (64 lowercase hex digits): '{Abbreviated(hash)}'.");
                continue;
            }

            using FileStream stream = File.OpenRead(path);
            string actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (actual != hash)
            {
                problems.Add($"{name} does not match its checksum (expected {hash[..12]}…, found {actual[..12]}…).");
            }
        }

        foreach (string path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            if (name is not (ModelFiles.Checksums or ModelFiles.Run or ModelFiles.Signature) && !expected.ContainsKey(name))
            {
                problems.Add($"{name} is not listed in {ModelFiles.Checksums}.");
            }
        }

        string digest = Convert.ToHexStringLower(SHA256.HashData(checksums));
        if (!version.EndsWith("_" + digest[..7], StringComparison.Ordinal))
        {
            problems.Add($"The folder name {version} does not end with the checksums' hash {digest[..7]}.");
        }

        (SignatureStatus signature, string? keyId, string? signatureProblem) = ModelSignature.Check(folder, checksums, trust);
        if (signatureProblem is not null)
        {
            problems.Add(signatureProblem);
        }

        return new ModelVerification(folder, version, problems.ToImmutable(), signature, keyId) { ChecksumsDigest = digest };
    }

    /// <summary>The version folders of a models folder, oldest first (staging folders are not versions).</summary>
    public static ImmutableArray<string> ListVersions(string modelsRoot) => Directory.Exists(modelsRoot)
        ? [.. Directory.EnumerateDirectories(modelsRoot).Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, ModelFiles.Checksums))).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>
    /// Deletes stale staging folders: the leftovers of a write that crashed, untouched for
    /// <see cref="StagingStaleAfter"/> (a write in progress touches its folder with every file). Which versions to keep
    /// is the registry's decision (<see cref="ModelRegistry.PruneAsync"/>).
    /// </summary>
    /// <param name="modelsRoot">The models folder.</param>
    /// <param name="timeProvider">The clock staging folders' ages are measured with; default the system clock.</param>
    /// <returns>The folders deleted.</returns>
    public static ImmutableArray<string> DeleteStaleStaging(string modelsRoot, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelsRoot);
        var deleted = ImmutableArray.CreateBuilder<string>();
        DateTimeOffset now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        foreach (string staging in Directory.Exists(modelsRoot) ? Directory.EnumerateDirectories(modelsRoot, StagingPrefix + "*") : [])
        {
            if (now - LastTouched(staging) >= StagingStaleAfter)
            {
                Directory.Delete(staging, recursive: true);
                deleted.Add(staging);
            }
        }

        return deleted.ToImmutable();
    }

    /// <summary>How long a staging folder must be untouched before <see cref="DeleteStaleStaging"/> treats it as a crashed write's leftovers: one hour.</summary>
    public static TimeSpan StagingStaleAfter { get; } = TimeSpan.FromHours(1);

    private static DateTimeOffset LastTouched(string folder) =>
        Directory.EnumerateFiles(folder).Select(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero))
            .Append(new DateTimeOffset(Directory.GetLastWriteTimeUtc(folder), TimeSpan.Zero)).Max();

    private static string Abbreviated(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static byte[] Checksums(IReadOnlyDictionary<string, ImmutableArray<byte>> artifacts)
    {
        var s = new StringBuilder("{\n  \"algorithm\": \"sha256\",\n  \"files\": {\n");
        int i = 0;
        foreach ((string name, ImmutableArray<byte> content) in artifacts.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            s.Append(CultureInfo.InvariantCulture, $"    \"{name}\": \"{Convert.ToHexStringLower(SHA256.HashData(content.AsSpan()))}\"{(++i < artifacts.Count ? "," : "")}\n");
        }

        s.Append("  }\n}\n");
        return Encoding.UTF8.GetBytes(s.ToString());
    }
}
