using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alpha.Signals;

/// <summary>Reads and writes signal times as <c>yyyy-MM-ddTHH:mm:ssZ</c> and nothing else.</summary>
internal sealed class SignalTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && SignalTime.TryParse(reader.GetString(), out DateTimeOffset time)
            ? time
            : throw new JsonException($"expected a UTC time written {SignalTime.Format.Replace("'", "", StringComparison.Ordinal)}");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(SignalTime.Write(value));
}
