using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;

namespace Alpha.Monitoring;

/// <summary>
/// <see cref="DriftReference"/> as a version stores it (<c>drift_reference.json</c>): snake_case keys, numbers at
/// round-trip precision. Reading is strict: every key required, no other key, edges ascending, counts non-negative,
/// every number finite (the out-of-fold AUC and the backtest win rate may be null: one class only, no trades).
/// </summary>
public static class DriftReferenceJson
{
    /// <summary>The reference's UTF-8 JSON bytes (indented).</summary>
    public static byte[] Write(DriftReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("inputs");
            foreach (DriftDistribution d in reference.Inputs)
            {
                WriteDistribution(w, null, d);
            }

            w.WriteEndArray();
            WriteDistribution(w, "return_prob", reference.ReturnProb);
            WriteDistribution(w, "risk_score", reference.RiskScore);
            JsonNumbers.WriteOrNull(w, "out_of_fold_auc", reference.OutOfFoldAuc);
            JsonNumbers.WriteOrNull(w, "backtest_win_rate", reference.BacktestWinRate);

            w.WriteNumber("backtest_trades", reference.BacktestTrades);
            w.WriteNumber("theta2", reference.Theta2);
            w.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a reference (the message names the key).</exception>
    public static DriftReference Read(ReadOnlySpan<byte> json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            JsonElement root = Object(document.RootElement, "drift reference", "inputs", "return_prob", "risk_score", "out_of_fold_auc", "backtest_win_rate", "backtest_trades", "theta2");
            JsonElement inputs = root.GetProperty("inputs");
            if (inputs.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("drift reference: inputs must be a list.");
            }

            return new DriftReference(
                [.. inputs.EnumerateArray().Select((d, i) => Distribution(d, $"inputs[{i}]"))],
                Distribution(root.GetProperty("return_prob"), "return_prob"),
                Distribution(root.GetProperty("risk_score"), "risk_score"),
                NumberOrNaN(root.GetProperty("out_of_fold_auc"), "out_of_fold_auc"),
                NumberOrNaN(root.GetProperty("backtest_win_rate"), "backtest_win_rate"),
                root.GetProperty("backtest_trades").TryGetInt32(out int trades) && trades >= 0 ? trades : throw new InvalidDataException("drift reference: backtest_trades must be a non-negative whole number."),
                Number(root.GetProperty("theta2"), "theta2"));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"drift reference: not JSON ({e.Message}).", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"drift reference: {e.Message}", e);
        }
    }

    private static void WriteDistribution(Utf8JsonWriter w, string? name, DriftDistribution d)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteString("name", d.Name);
        w.WriteStartArray("edges");
        foreach (double e in d.Edges)
        {
            w.WriteNumberValue(e);
        }

        w.WriteEndArray();
        w.WriteStartArray("counts");
        foreach (int c in d.Counts)
        {
            w.WriteNumberValue(c);
        }

        w.WriteEndArray();
        w.WriteNumber("mean", d.Mean);
        w.WriteNumber("standard_deviation", d.StandardDeviation);
        w.WriteEndObject();
    }

    // An AUC of one class only, a win rate without trades: null in the file, NaN in memory.
    private static double NumberOrNaN(JsonElement e, string where) => e.ValueKind == JsonValueKind.Null ? double.NaN : Number(e, where);

    private static DriftDistribution Distribution(JsonElement e, string where)
    {
        JsonElement d = Object(e, where, "name", "edges", "counts", "mean", "standard_deviation");
        string name = d.GetProperty("name").ValueKind == JsonValueKind.String && d.GetProperty("name").GetString() is { Length: > 0 } n
            ? n : throw new InvalidDataException($"drift reference: {where}.name must be a non-empty text.");
        double[] edges = [.. List(d.GetProperty("edges"), $"{where}.edges").Select((x, i) => Number(x, $"{where}.edges[{i}]"))];
        int[] counts = [.. List(d.GetProperty("counts"), $"{where}.counts").Select((x, i) => x.TryGetInt32(out int c) && c >= 0 ? c : throw new InvalidDataException($"drift reference: {where}.counts[{i}] must be a non-negative whole number."))];
        if (edges.Length != DecileEdges.Bins - 1 || counts.Length != DecileEdges.Bins)
        {
            throw new InvalidDataException($"drift reference: {where} must have {DecileEdges.Bins - 1} edges and {DecileEdges.Bins} counts, not {edges.Length} and {counts.Length}.");
        }

        for (int i = 1; i < edges.Length; i++)
        {
            if (edges[i] < edges[i - 1])
            {
                throw new InvalidDataException($"drift reference: {where}.edges are not ascending at {i}.");
            }
        }

        if (counts.Sum() < 2)
        {
            throw new InvalidDataException($"drift reference: {where}.counts hold fewer than 2 values.");
        }

        double sd = Number(d.GetProperty("standard_deviation"), $"{where}.standard_deviation");
        return sd >= 0
            ? new DriftDistribution(name, [.. edges], [.. counts], Number(d.GetProperty("mean"), $"{where}.mean"), sd)
            : throw new InvalidDataException($"drift reference: {where}.standard_deviation is negative.");
    }

    private static JsonElement Object(JsonElement e, string where, params string[] keys)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"drift reference: {where} must be an object.");
        }

        foreach (JsonProperty p in e.EnumerateObject())
        {
            if (!keys.Contains(p.Name))
            {
                throw new InvalidDataException($"drift reference: {where} has an unknown key '{p.Name}'.");
            }
        }

        foreach (string key in keys)
        {
            if (!e.TryGetProperty(key, out _))
            {
                throw new InvalidDataException($"drift reference: {where} lacks '{key}'.");
            }
        }

        return e;
    }

    private static JsonElement.ArrayEnumerator List(JsonElement e, string where) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw new InvalidDataException($"drift reference: {where} must be a list.");

    private static double Number(JsonElement e, string where) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double v) && double.IsFinite(v) ? v : throw new InvalidDataException($"drift reference: {where} must be a finite number.");
}
