using System.Globalization;
using System.Text.Json;

namespace Alpha.Registry;

/// <summary>Reads a version folder's catalogue row (seed 003's columns) from the files training wrote.</summary>
internal static class VersionRecordReader
{
    public static ModelVersionRecord Read(string folder, string modelId, string createdBy, string notes)
    {
        string version = Path.GetFileName(folder);
        DateTimeOffset createdAt = default;
        using (JsonDocument run = ReadJson(folder, ModelFiles.Run) ?? throw new InvalidDataException($"{version}: {ModelFiles.Run} is missing."))
        {
            string? text = run.RootElement.TryGetProperty("created_at", out JsonElement at) ? at.GetString() : null;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out createdAt))
            {
                throw new InvalidDataException($"{version}: {ModelFiles.Run} has no valid created_at ('{text}').");
            }
        }

        double theta1 = double.NaN, theta2 = double.NaN;
        string metricsPath = Path.Combine(folder, ModelFiles.Metrics);
        string metrics = File.Exists(metricsPath) ? File.ReadAllText(metricsPath) : "{}";
        using (JsonDocument doc = ParseJson(metrics, version, ModelFiles.Metrics))
        {
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("theta_search", out JsonElement search))
            {
                theta1 = Number(search, "theta1");
                theta2 = Number(search, "theta2");
            }
        }

        string dataHash = "";
        using (JsonDocument? index = ReadJson(folder, ModelFiles.DatasetIndex))
        {
            if (index is not null && index.RootElement.ValueKind == JsonValueKind.Object && index.RootElement.TryGetProperty("data_hash", out JsonElement hash) && hash.ValueKind == JsonValueKind.String)
            {
                dataHash = hash.GetString()!;
            }
        }

        string seedText = ReadText(folder, ModelFiles.Seed);
        long? seed = long.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out long s) ? s : null;
        return new ModelVersionRecord(
            version, modelId, createdAt.ToUniversalTime(), createdBy,
            Path.Combine(folder, ModelFiles.DatasetIndex),
            Path.Combine(folder, ModelFiles.FeatureSchema),
            ModelFiles.FindBooster(folder, "ai1"),
            ModelFiles.FindBooster(folder, "ai2"),
            Path.Combine(folder, ModelFiles.Params),
            metrics, theta1, theta2, ReadText(folder, ModelFiles.CodeHash), dataHash, seed, notes);
    }

    private static double Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    private static string ReadText(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : "";
    }

    private static JsonDocument? ReadJson(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        return File.Exists(path) ? ParseJson(File.ReadAllText(path), Path.GetFileName(folder), name) : null;
    }

    private static JsonDocument ParseJson(string text, string version, string name)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{version}: {name} is not valid JSON: {e.Message}", e);
        }
    }
}
