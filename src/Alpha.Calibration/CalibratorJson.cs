using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Alpha.Calibration;

/// <summary>Reads a calibrator written by <see cref="IProbabilityCalibrator.ToJson"/>, whatever its kind.</summary>
public static class CalibratorJson
{
    private const int FormatVersion = 1;

    /// <summary>The calibrator in <paramref name="json"/>.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed, of an unknown kind or version, or a field is missing or invalid (named in the message).</exception>
    public static IProbabilityCalibrator Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Calibrator JSON is malformed: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("Calibrator JSON must be an object.");
            }

            int version = (int)ReadNumber(root, "format_version");
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"Calibrator JSON format_version {version} is not supported (expected {FormatVersion}).");
            }

            string kind = root.TryGetProperty("kind", out JsonElement k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : throw new InvalidDataException("Calibrator JSON has no string field 'kind'.");
            return kind switch
            {
                "isotonic" => IsotonicCalibrator.FromJson(root),
                "sigmoid" => SigmoidCalibrator.FromJson(root),
                _ => throw new InvalidDataException($"Calibrator JSON kind '{kind}' is unknown (expected 'isotonic' or 'sigmoid')."),
            };
        }
    }

    internal static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format_version", FormatVersion);
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static void WriteArray(Utf8JsonWriter writer, string name, ReadOnlySpan<double> values)
    {
        writer.WriteStartArray(name);
        foreach (double v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }

    internal static double ReadNumber(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement e) || e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw new InvalidDataException($"Calibrator JSON field '{name}' is missing or not a finite number.");
        }

        return value;
    }

    internal static double[] ReadArray(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement e) || e.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"Calibrator JSON field '{name}' is missing or not an array.");
        }

        var values = new double[e.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out values[i]) || !double.IsFinite(values[i]))
            {
                throw new InvalidDataException($"Calibrator JSON field '{name}'[{i}] is not a finite number.");
            }

            i++;
        }

        return values;
    }
}
