using System.Collections.Immutable;
using Alpha.Configuration;
using Alpha.MarketData;
using Alpha.Registry;

namespace Alpha.Inference;

/// <summary>
/// The model catalogue (seed 004, DESIGN.md § 6 "Inference"): one YAML file per model id in a folder
/// (<c>configs/models/{model_id}.yaml</c>), validated at load — a model id the registry accepts, a kind the host
/// serves, a pair with two distinct legs and a timeframe, a version (a registry version or <c>deployed</c>), only
/// the overrides the kind allows, in range, and optionally the shard that serves it (a name like a model id). Every problem is a <see cref="ConfigException"/> naming file and key.
/// </summary>
/// <example>
/// <code>
/// kind: pair-gbdt
/// pair: { id: AUDUSD-NZDUSD, leg_a: AUDUSD, leg_b: NZDUSD, timeframe: 4h }
/// version: deployed
/// overrides: { theta1: 0.72 }
/// shard: fx-majors
/// </code>
/// </example>
public sealed class ModelCatalogue
{
    private ModelCatalogue(ImmutableArray<ModelDefinition> models) => Models = models;

    /// <summary>The entries, by model id.</summary>
    public ImmutableArray<ModelDefinition> Models { get; }

    /// <summary>Loads every <c>*.yaml</c> of <paramref name="folder"/>.</summary>
    /// <exception cref="ConfigException">A file or key is invalid (named), or the folder does not exist.</exception>
    public static ModelCatalogue Load(string folder, PredictorKinds kinds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(kinds);
        if (!Directory.Exists(folder))
        {
            throw new ConfigException(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), "", $"the model catalogue folder {Path.GetFullPath(folder)} does not exist.");
        }

        return new ModelCatalogue([.. Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => Read(folder, Path.GetFileName(f), kinds))]);
    }

    /// <summary>The entry of <paramref name="modelId"/>, or null.</summary>
    public ModelDefinition? Find(string modelId) => Models.FirstOrDefault(m => m.ModelId == modelId);

    private static ModelDefinition Read(string folder, string file, PredictorKinds kinds)
    {
        ConfigNode root = ConfigNode.Load(folder, file);
        string modelId = Path.GetFileNameWithoutExtension(file);
        if (!ModelIds.IsValid(modelId))
        {
            throw new ConfigException(file, "", $"'{modelId}' is not a model id (the file name is the model id): 1 to 64 of a-z, 0-9, '.', '_' and '-'.");
        }

        string kindName = root.Text("kind");
        IPredictorKind kind = kinds.Find(kindName) ?? throw root.Error("kind", $"'{kindName}' is not a kind this host serves ({string.Join(", ", kinds.Names)}).");
        ConfigNode pair = root.Section("pair");
        string pairId = pair.Text("id"), legA = pair.Text("leg_a"), legB = pair.Text("leg_b");
        if (legA == legB)
        {
            throw pair.Error("leg_b", $"'{legB}' is leg A too; a pair needs two instruments.");
        }

        string timeframeText = pair.Text("timeframe");
        TimeSpan timeframe = Timeframes.TryParse(timeframeText) ?? throw pair.Error("timeframe", $"'{timeframeText}' is not a timeframe such as 15m, 1h, 4h or 1d.");
        pair.Close();
        string version = root.Text("version");
        if (version != ModelDefinition.Deployed && !ModelVersions.IsValid(version))
        {
            throw root.Error("version", $"'{version}' is neither '{ModelDefinition.Deployed}' nor a model version (yyyyMMdd_HHmm_xxxxxxx).");
        }

        string shard = root.Has("shard") ? root.Text("shard") : ModelDefinition.DefaultShard;
        if (!ModelIds.IsValid(shard))
        {
            throw root.Error("shard", $"'{shard}' is not a shard name: 1 to 64 of a-z, 0-9, '.', '_' and '-'.");
        }

        var overrides = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (root.Has("overrides"))
        {
            ConfigNode o = root.Section("overrides");
            foreach ((string key, (double min, double max)) in kind.AllowedOverrides)
            {
                if (o.Has(key))
                {
                    overrides[key] = o.Number(key, min, max);
                }
            }

            Close(o, kind);
        }

        root.Close();
        return new ModelDefinition(modelId, kindName, pairId, legA, legB, timeframe, version, overrides.ToImmutable(), file) { Shard = shard };
    }

    private static void Close(ConfigNode overrides, IPredictorKind kind)
    {
        try
        {
            overrides.Close();
        }
        catch (ConfigException e)
        {
            throw new ConfigException(e.File, e.Key, $"kind '{kind.Name}' does not allow this override (it allows {string.Join(", ", kind.AllowedOverrides.Keys)}).");
        }
    }
}
