using System.Globalization;
using System.Text.Json;

namespace Alpha.Registry;

/// <summary>The JSON line the file store keeps per registered version (snake_case, seed 003's column names; an absent θ is null).</summary>
internal static class ModelVersionRecordJson
{
    public static byte[] Line(ModelVersionRecord r)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model_version", r.ModelVersion);
            json.WriteString("model_id", r.ModelId);
            json.WriteString("created_at", r.CreatedAt.UtcDateTime.ToString(RegistryEventJson.TimeFormat, CultureInfo.InvariantCulture));
            json.WriteString("created_by", r.CreatedBy);
            json.WriteString("dataset_index_path", r.DatasetIndexPath);
            json.WriteString("feature_schema_path", r.FeatureSchemaPath);
            json.WriteString("model_ai1_path", r.ModelAi1Path);
            json.WriteString("model_ai2_path", r.ModelAi2Path);
            json.WriteString("params_yaml_path", r.ParamsYamlPath);
            json.WriteString("metrics_json", r.MetricsJson);
            WriteTheta(json, "theta1", r.Theta1);
            WriteTheta(json, "theta2", r.Theta2);
            json.WriteString("code_hash", r.CodeHash);
            json.WriteString("data_hash", r.DataHash);
            if (r.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }
            else
            {
                json.WriteNull("seed");
            }

            json.WriteString("notes", r.Notes);
            json.WriteEndObject();
        }

        return [.. buffer.ToArray(), (byte)'\n'];
    }

    public static ModelVersionRecord Parse(string line, string modelId, long lineNumber)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement r = doc.RootElement;
            string Text(string name) => r.GetProperty(name).GetString() ?? throw new InvalidDataException($"'{name}' is null.");
            double Theta(string name) => r.GetProperty(name).ValueKind == JsonValueKind.Null ? double.NaN : r.GetProperty(name).GetDouble();
            return new ModelVersionRecord(
                Text("model_version"),
                Text("model_id"),
                DateTimeOffset.ParseExact(Text("created_at"), RegistryEventJson.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                Text("created_by"),
                Text("dataset_index_path"),
                Text("feature_schema_path"),
                Text("model_ai1_path"),
                Text("model_ai2_path"),
                Text("params_yaml_path"),
                Text("metrics_json"),
                Theta("theta1"),
                Theta("theta2"),
                Text("code_hash"),
                Text("data_hash"),
                r.GetProperty("seed").ValueKind == JsonValueKind.Null ? null : r.GetProperty("seed").GetInt64(),
                Text("notes"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new RegistryLogException(modelId, 0, $"line {lineNumber} of the version rows is not a version row: {e.Message}");
        }
    }

    private static void WriteTheta(Utf8JsonWriter json, string name, double theta)
    {
        if (double.IsNaN(theta))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, theta);
        }
    }
}
