using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Alpha.Features;

/// <summary>
/// What a model was trained on: the feature names in order, the windows that produced them and the fitted
/// scaler. Serialised as canonical JSON (fixed key order, no whitespace, shortest round-trip numbers) whose
/// SHA-256 is <see cref="Hash"/>; inference scales through <see cref="Scale"/>, which refuses a schema with another
/// hash. Immutable.
/// </summary>
public sealed class FeatureSchema
{
    private const int FormatVersion = 1;

    private FeatureSchema(ImmutableArray<string> names, PairFeatureOptions windows, RobustScaler scaler)
    {
        Names = names;
        Windows = windows;
        Scaler = scaler;
        CanonicalJson = Write(names, windows, scaler);
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson)));
    }

    /// <summary>Feature names in model-input order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The windows the features were computed with.</summary>
    public PairFeatureOptions Windows { get; }

    /// <summary>The scaler fitted on the training window.</summary>
    public RobustScaler Scaler { get; }

    /// <summary>The canonical JSON (the content of feature_schema.json).</summary>
    public string CanonicalJson { get; }

    /// <summary>SHA-256 of <see cref="CanonicalJson"/> (UTF-8), lowercase hex.</summary>
    public string Hash { get; }

    /// <summary>The schema of the 17 model inputs with <paramref name="windows"/> and <paramref name="scaler"/>.</summary>
    /// <exception cref="ArgumentException">The scaler was not fitted on 17 features.</exception>
    public static FeatureSchema Create(PairFeatureOptions windows, RobustScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(scaler);
        windows.Validate();
        if (scaler.Count != FeatureNames.Count)
        {
            throw new ArgumentException($"The scaler has {scaler.Count} features; the schema has {FeatureNames.Count}.", nameof(scaler));
        }

        return new FeatureSchema(FeatureNames.ModelInputs, windows, scaler);
    }

    /// <summary>Reads feature_schema.json.</summary>
    /// <exception cref="InvalidDataException">Malformed JSON, another format version, a missing or invalid field (named), or names that differ from the model inputs.</exception>
    public static FeatureSchema FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (Int(root, "format_version") != FormatVersion)
            {
                throw new InvalidDataException($"feature_schema.json: format_version must be {FormatVersion}.");
            }

            string[] names = [.. Array(root, "features").Select(e => e.GetString() ?? throw new InvalidDataException("feature_schema.json: a feature name is not a string."))];
            if (!names.SequenceEqual(FeatureNames.ModelInputs))
            {
                throw new InvalidDataException($"feature_schema.json: features [{string.Join(", ", names)}] are not the model inputs [{string.Join(", ", FeatureNames.ModelInputs)}].");
            }

            JsonElement w = Property(root, "windows");
            var windows = new PairFeatureOptions
            {
                Window = Int(w, "window"), ZEmaSpan = Int(w, "z_ema_span"), SpeedSpan = Int(w, "speed_span"),
                HalfLifeCapWindows = Int(w, "half_life_cap_windows"), RhoVarianceWindow = Int(w, "rho_variance_window"),
                BetaStabilityWindow = Int(w, "beta_stability_window"), WilderPeriod = Int(w, "wilder_period"),
                AtrRatioWindow = Int(w, "atr_ratio_window"), EmaFastSpan = Int(w, "ema_fast_span"), EmaSlowSpan = Int(w, "ema_slow_span"),
                SlopeWindow = Int(w, "slope_window"), DrawdownWindow = Int(w, "drawdown_window"),
            };
            JsonElement scaler = Property(root, "scaler");
            var medians = new List<double>();
            var scales = new List<double>();
            foreach (JsonElement entry in Array(scaler, "features"))
            {
                medians.Add(Number(entry, "median"));
                scales.Add(Number(entry, "scale"));
            }

            return Create(windows, RobustScaler.FromParameters(medians, scales, Number(scaler, "clip")));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"feature_schema.json is malformed: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"feature_schema.json holds an invalid value: {e.Message}", e);
        }
    }

    /// <summary>Throws unless <paramref name="expectedHash"/> is this schema's hash.</summary>
    /// <exception cref="FeatureSchemaMismatchException">The hashes differ.</exception>
    public void EnsureHash(string expectedHash)
    {
        if (!string.Equals(expectedHash, Hash, StringComparison.Ordinal))
        {
            throw new FeatureSchemaMismatchException(expectedHash, Hash);
        }
    }

    /// <summary>Scales one raw feature vector for the model whose schema hash is <paramref name="modelSchemaHash"/>; allocation-free.</summary>
    /// <exception cref="FeatureSchemaMismatchException">The model was trained on another schema.</exception>
    /// <exception cref="ArgumentException">A length is wrong or a raw value is not finite.</exception>
    public void Scale(ReadOnlySpan<double> raw, Span<double> scaled, string modelSchemaHash)
    {
        EnsureHash(modelSchemaHash);
        Scaler.Transform(raw, scaled);
    }

    private static string Write(ImmutableArray<string> names, PairFeatureOptions w, RobustScaler scaler)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format_version", FormatVersion);
            json.WriteStartArray("features");
            foreach (string name in names)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartObject("windows");
            json.WriteNumber("window", w.Window);
            json.WriteNumber("z_ema_span", w.ZEmaSpan);
            json.WriteNumber("speed_span", w.SpeedSpan);
            json.WriteNumber("half_life_cap_windows", w.HalfLifeCapWindows);
            json.WriteNumber("rho_variance_window", w.RhoVarianceWindow);
            json.WriteNumber("beta_stability_window", w.BetaStabilityWindow);
            json.WriteNumber("wilder_period", w.WilderPeriod);
            json.WriteNumber("atr_ratio_window", w.AtrRatioWindow);
            json.WriteNumber("ema_fast_span", w.EmaFastSpan);
            json.WriteNumber("ema_slow_span", w.EmaSlowSpan);
            json.WriteNumber("slope_window", w.SlopeWindow);
            json.WriteNumber("drawdown_window", w.DrawdownWindow);
            json.WriteEndObject();
            json.WriteStartObject("scaler");
            json.WriteString("kind", "median_mad");
            json.WriteNumber("clip", scaler.Clip);
            json.WriteStartArray("features");
            for (int f = 0; f < names.Length; f++)
            {
                json.WriteStartObject();
                json.WriteString("name", names[f]);
                json.WriteNumber("median", scaler.Medians[f]);
                json.WriteNumber("scale", scaler.Scales[f]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonElement Property(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement value) ? value : throw new InvalidDataException($"feature_schema.json: '{name}' is missing.");

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string name)
    {
        JsonElement value = Property(e, name);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw new InvalidDataException($"feature_schema.json: '{name}' is not an array.");
    }

    private static int Int(JsonElement e, string name) =>
        Property(e, name).TryGetInt32(out int value) ? value : throw new InvalidDataException($"feature_schema.json: '{name}' is not an integer.");

    private static double Number(JsonElement e, string name) =>
        Property(e, name) is { ValueKind: JsonValueKind.Number } p && p.TryGetDouble(out double value) ? value : throw new InvalidDataException($"feature_schema.json: '{name}' is not a number.");
}
