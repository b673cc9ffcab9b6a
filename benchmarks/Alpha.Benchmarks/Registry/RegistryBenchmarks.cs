using System.Collections.Immutable;
using Alpha.Registry;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.Registry;

/// <summary>
/// What a host pays to trust a version and to read a model id's audited history: a version the size of a real
/// AUD/NZD one (two 1 MB boosters and nine small files), signed; a file-store log of 1,000 events.
/// Baseline: verifying the checksums alone (re-hashing every file), which every load does anyway.
/// </summary>
[MemoryDiagnoser]
public class RegistryBenchmarks
{
    private string _folder = null!;
    private ModelTrust _trust = null!;
    private ModelRegistry _registry = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        var artifacts = new Dictionary<string, ImmutableArray<byte>>();
        foreach (string name in (string[])["model_ai1.json", "model_ai2.json"])
        {
            byte[] booster = new byte[1 << 20];
            random.NextBytes(booster);
            artifacts[name] = [.. booster];
        }

        foreach (string name in (string[])["calibrator_ai1.json", "calibrator_ai2.json", "feature_schema.json", "params.yaml", "metrics.json", "data_quality.json", "dataset_index.json", "code_hash", "seed"])
        {
            byte[] pad = new byte[2048];
            random.NextBytes(pad);
            artifacts[name] = [.. System.Text.Encoding.UTF8.GetBytes($"{{\"pad\":\"{Convert.ToHexStringLower(pad)}\"}}")];   // 4 KB of JSON
        }

        string root = Directory.CreateTempSubdirectory("alpha-registry-bench-").FullName;
        ModelSigningKey key = ModelSigningKey.Create();
        _trust = new ModelTrust([key.ExportPublicKeyPem()]);
        _folder = ModelStore.Write(artifacts, root, TimeProvider.System, key);
        _registry = ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = root, Trust = _trust });
        string version = Path.GetFileName(_folder);
        _registry.RegisterAsync("bench", version, new RegistryActor("bench", "quant")).GetAwaiter().GetResult();
        for (int i = 1; i < 1000; i++)
        {
            _registry.ReportLoadedAsync("bench", version, $"worker-{i % 7}", "").GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public bool VerifyChecksums() => ModelStore.Verify(_folder, ModelTrust.ChecksumsOnly).IsValid;

    [Benchmark]
    public bool VerifyChecksumsAndSignature() => ModelStore.Verify(_folder, _trust).IsValid;

    [Benchmark]
    public int ReadAndVerifyHistory1000() => _registry.HistoryAsync("bench").GetAwaiter().GetResult().Length;
}
