using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Alpha.Backtesting;

/// <summary>
/// A daily equity curve as JSON: <c>{"daily": [["2020-01-02", 1000000.0], …]}</c>, days ascending, equity finite (in the
/// account currency, round-trip precision). A version stores its out-of-sample curve this way; the operations page draws it.
/// </summary>
public static class EquityCurveJson
{
    /// <summary>The curve's UTF-8 JSON bytes.</summary>
    /// <exception cref="ArgumentException">An equity is not finite, or the days are not strictly ascending.</exception>
    public static byte[] Write(IReadOnlyList<DailyEquity> daily)
    {
        ArgumentNullException.ThrowIfNull(daily);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("daily");
            for (int i = 0; i < daily.Count; i++)
            {
                Check(daily, i);
                w.WriteStartArray();
                w.WriteStringValue(daily[i].Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteNumberValue(daily[i].Equity);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>Reads a curve <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a curve (the message says where).</exception>
    public static ImmutableArray<DailyEquity> Read(ReadOnlySpan<byte> json)
    {
        var days = ImmutableArray.CreateBuilder<DailyEquity>();
        try
        {
            var reader = new Utf8JsonReader(json);
            Expect(ref reader, JsonTokenType.StartObject);
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("daily"))
            {
                throw new InvalidDataException("equity curve: expected the key \"daily\".");
            }

            Expect(ref reader, JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                Expect(ref reader, JsonTokenType.String);
                if (!DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
                {
                    throw new InvalidDataException($"equity curve: day {days.Count} is not a yyyy-MM-dd date.");
                }

                Expect(ref reader, JsonTokenType.Number);
                days.Add(new DailyEquity(day, reader.GetDouble()));
                Expect(ref reader, JsonTokenType.EndArray);
                try
                {
                    Check(days, days.Count - 1);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"equity curve: {e.Message}", e);
                }
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new InvalidDataException($"equity curve: day {days.Count} is not a [day, equity] pair.");
            }

            Expect(ref reader, JsonTokenType.EndObject);
            if (reader.Read())
            {
                throw new InvalidDataException("equity curve: unexpected content after the object.");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"equity curve: not JSON ({e.Message}).", e);
        }

        return days.ToImmutable();
    }

    private static void Check(IReadOnlyList<DailyEquity> daily, int i)
    {
        if (!double.IsFinite(daily[i].Equity))
        {
            throw new ArgumentException($"the equity of {daily[i].Day:yyyy-MM-dd} is not finite.", nameof(daily));
        }

        if (i > 0 && daily[i].Day <= daily[i - 1].Day)
        {
            throw new ArgumentException($"{daily[i].Day:yyyy-MM-dd} does not follow {daily[i - 1].Day:yyyy-MM-dd}.", nameof(daily));
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new InvalidDataException($"equity curve: expected {token} at byte {reader.TokenStartIndex}.");
        }
    }
}
