using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Alpha.MarketData;
using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>
/// An <see cref="OutboxBatch"/> as one UTF-8 JSON document, for outbox stores: bars, signals (as
/// <see cref="SignalJson"/> writes them), live scores and checkpoints (as <see cref="CheckpointJson"/> writes them).
/// Doubles round-trip bit for bit.
/// </summary>
public static class OutboxJson
{
    /// <summary>The batch as UTF-8 JSON.</summary>
    public static byte[] Serialize(OutboxBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var buffer = new ArrayBufferWriter<byte>(256 + (batch.Bars.Count * 128) + (batch.Signals.Count * 768));
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("bars");
            foreach (SourcedBar b in batch.Bars)
            {
                w.WriteStartObject();
                w.WriteString("symbol", b.Symbol);
                w.WriteNumber("timeframe_seconds", (long)b.Timeframe.TotalSeconds);
                w.WriteString("time", DateTime.SpecifyKind(b.Bar.Time, DateTimeKind.Utc));
                w.WriteNumber("open", b.Bar.Open);
                w.WriteNumber("high", b.Bar.High);
                w.WriteNumber("low", b.Bar.Low);
                w.WriteNumber("close", b.Bar.Close);
                w.WriteNumber("volume", b.Bar.Volume);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("signals");
            foreach (Signal s in batch.Signals)
            {
                w.WriteRawValue(SignalJson.Serialize(s), skipInputValidation: true);
            }

            w.WriteEndArray();
            w.WriteStartArray("scores");
            foreach (LiveScore s in batch.Scores)
            {
                w.WriteStartObject();
                w.WriteString("model_id", s.ModelId);
                w.WriteString("pair_id", s.PairId);
                w.WriteString("model_version", s.ModelVersion);
                w.WriteString("bar_time", DateTime.SpecifyKind(s.BarTime, DateTimeKind.Utc));
                w.WriteStartArray("inputs");
                foreach (double x in s.Inputs)
                {
                    w.WriteNumberValue(x);
                }

                w.WriteEndArray();
                w.WriteNumber("return_prob", s.ReturnProb);
                w.WriteNumber("risk_score", s.RiskScore);
                w.WriteBoolean("entered", s.Entered);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("checkpoints");
            foreach (EngineCheckpoint c in batch.Checkpoints)
            {
                w.WriteRawValue(CheckpointJson.Serialize(c), skipInputValidation: true);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a batch.</summary>
    /// <exception cref="InvalidDataException">The document is not a batch (the message names the part).</exception>
    public static OutboxBatch Parse(ReadOnlySpan<byte> utf8Json)
    {
        var batch = new OutboxBatch();
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            JsonElement root = document.RootElement;
            foreach (JsonElement b in root.GetProperty("bars").EnumerateArray())
            {
                var bar = new Bar(
                    b.GetProperty("time").GetDateTime().ToUniversalTime(), b.GetProperty("open").GetDouble(), b.GetProperty("high").GetDouble(),
                    b.GetProperty("low").GetDouble(), b.GetProperty("close").GetDouble(), b.GetProperty("volume").GetDouble());
                batch.Bars.Add(new SourcedBar(b.GetProperty("symbol").GetString()!, TimeSpan.FromSeconds(b.GetProperty("timeframe_seconds").GetInt64()), bar));
            }

            foreach (JsonElement s in root.GetProperty("signals").EnumerateArray())
            {
                batch.Signals.Add(SignalJson.Parse(Encoding.UTF8.GetBytes(s.GetRawText())));
            }

            foreach (JsonElement s in root.GetProperty("scores").EnumerateArray())
            {
                batch.Scores.Add(new LiveScore(
                    s.GetProperty("model_id").GetString()!, s.GetProperty("pair_id").GetString()!, s.GetProperty("model_version").GetString()!,
                    s.GetProperty("bar_time").GetDateTime().ToUniversalTime(), [.. s.GetProperty("inputs").EnumerateArray().Select(x => x.GetDouble())],
                    s.GetProperty("return_prob").GetDouble(), s.GetProperty("risk_score").GetDouble(), s.GetProperty("entered").GetBoolean()));
            }

            foreach (JsonElement c in root.GetProperty("checkpoints").EnumerateArray())
            {
                batch.Checkpoints.Add(CheckpointJson.Parse(Encoding.UTF8.GetBytes(c.GetRawText())));
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The outbox entry is not a batch: {e.Message}"), e);
        }

        return batch;
    }
}
