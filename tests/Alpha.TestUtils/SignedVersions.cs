using System.Collections.Immutable;
using System.Globalization;
using System.Text;

using Alpha.Registry;

namespace Alpha.TestUtils;

/// <summary>Writes small, distinct, signed model versions (Alpha.Registry's format) into a models folder, one minute apart: registry tests' versions.</summary>
public sealed class SignedVersions
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private int _count;

    public SignedVersions(string? modelsRoot = null, ModelSigningKey? key = null)
    {
        ModelsRoot = modelsRoot ?? Directory.CreateTempSubdirectory("alpha-registry-").FullName;
        Key = key ?? ModelSigningKey.Create();
    }

    public string ModelsRoot { get; }

    public ModelSigningKey Key { get; }

    public ModelTrust Trust => new([Key.ExportPublicKeyPem()]);

    public static ImmutableSortedDictionary<string, ImmutableArray<byte>> Artifacts(int n) => new Dictionary<string, ImmutableArray<byte>>
    {
        [ModelFiles.Ai1Model] = Utf8($"{{\"learner\":\"ai1 #{n}\"}}"),
        [ModelFiles.Ai2Model] = Utf8($"{{\"learner\":\"ai2 #{n}\"}}"),
        [ModelFiles.Params] = Utf8(string.Create(CultureInfo.InvariantCulture, $"theta1: {0.5 + n / 100.0}\ntheta2: 0.4\n")),
        [ModelFiles.Metrics] = Utf8(string.Create(CultureInfo.InvariantCulture, $"{{\"theta_search\":{{\"theta1\":{0.5 + n / 100.0},\"theta2\":0.4,\"adopted\":true}}}}")),
        [ModelFiles.DatasetIndex] = Utf8($"{{\"data_hash\":\"data{n}\"}}"),
        [ModelFiles.CodeHash] = Utf8("code123\n"),
        [ModelFiles.Seed] = Utf8($"{40 + n}\n"),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Writes version n (signed unless <paramref name="sign"/> is false) and returns its name.</summary>
    public string Write(bool sign = true)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        string folder = ModelStore.Write(Artifacts(++_count), ModelsRoot, _clock, sign ? Key : null);
        return Path.GetFileName(folder);
    }

    public string Folder(string version) => Path.Combine(ModelsRoot, version);

    private static ImmutableArray<byte> Utf8(string text) => [.. Encoding.UTF8.GetBytes(text)];
}
