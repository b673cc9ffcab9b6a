using System.Text.Json;
using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>Writes and reads an <see cref="EngineCheckpoint"/> as JSON, exactly (doubles round-trip bit for bit).</summary>
public static class CheckpointJson
{
    /// <summary>The checkpoint as UTF-8 JSON.</summary>
    public static byte[] Serialize(EngineCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return JsonSerializer.SerializeToUtf8Bytes(checkpoint, CheckpointJsonContext.Default.EngineCheckpoint);
    }

    /// <summary>Reads a checkpoint.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed, lacks a field, or holds an impossible state (the message says what).</exception>
    public static EngineCheckpoint Parse(ReadOnlySpan<byte> utf8Json)
    {
        EngineCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize(utf8Json, CheckpointJsonContext.Default.EngineCheckpoint);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The checkpoint is not valid JSON of an engine checkpoint: {e.Message}", e);
        }

        if (checkpoint is null)
        {
            throw new InvalidDataException("The checkpoint is null.");
        }

        PositionState p = checkpoint.Position;
        if (!(double.IsFinite(p.Cash) && p.Cash > 0) || !(double.IsFinite(checkpoint.EquityPeak) && checkpoint.EquityPeak > 0))
        {
            throw new InvalidDataException($"The checkpoint's cash ({p.Cash}) or equity peak ({checkpoint.EquityPeak}) is not finite and positive.");
        }

        if ((p.Position is not null || p.PendingEntry is not null) && !(checkpoint.EntryReturnProb is >= 0 and <= 1 && checkpoint.EntryRiskScore is >= 0 and <= 1))
        {
            throw new InvalidDataException("The checkpoint holds a position but no entry probabilities in [0, 1].");
        }

        return checkpoint;
    }
}
