using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Alpha.Registry;

/// <summary>
/// The canonical form of an event — compact JSON, fields in a fixed order, time in UTC to the microsecond — that its
/// hash covers, and the JSON line the file store keeps (the canonical form plus the hash).
/// </summary>
internal static class RegistryEventJson
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string HashOf(RegistryEvent e) => Convert.ToHexStringLower(SHA256.HashData(Write(e, withHash: false)));

    public static byte[] Line(RegistryEvent e) => [.. Write(e, withHash: true), (byte)'\n'];

    public static RegistryEvent Parse(ReadOnlySpan<byte> line, string modelId, long lineNumber)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(line.ToArray());
            JsonElement r = doc.RootElement;
            string? Text(string name) => r.GetProperty(name).ValueKind == JsonValueKind.Null ? null : r.GetProperty(name).GetString();
            string Required(string name) => Text(name) ?? throw new InvalidDataException($"'{name}' is null.");
            ModelStatus? Status(string name) => Text(name) is string s ? ModelLifecycle.Parse(s) : null;
            return new RegistryEvent(
                r.GetProperty("sequence").GetInt64(),
                Required("model_id"),
                Required("version"),
                RegistryEventKinds.Parse(Required("kind")),
                Status("from"),
                Status("to"),
                Required("actor"),
                Required("role"),
                Text("reason"),
                DateTimeOffset.ParseExact(Required("at"), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                Required("checksums_digest"),
                Required("previous_hash"),
                Required("hash"));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or InvalidDataException)
        {
            throw new RegistryLogException(modelId, lineNumber, $"line {lineNumber} is not a registry event: {ex.Message}");
        }
    }

    private static byte[] Write(RegistryEvent e, bool withHash)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("model_id", e.ModelId);
            json.WriteString("version", e.Version);
            json.WriteString("kind", RegistryEventKinds.Name(e.Kind));
            WriteOptional(json, "from", e.From is { } from ? ModelLifecycle.Name(from) : null);
            WriteOptional(json, "to", e.To is { } to ? ModelLifecycle.Name(to) : null);
            json.WriteString("actor", e.Actor);
            json.WriteString("role", e.Role);
            WriteOptional(json, "reason", e.Reason);
            json.WriteString("at", e.At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            json.WriteString("checksums_digest", e.ChecksumsDigest);
            json.WriteString("previous_hash", e.PreviousHash);
            if (withHash)
            {
                json.WriteString("hash", e.Hash);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
