using System.Text.Json;

namespace Alpha.Signals;

/// <summary>
/// Signals as JSON (snake_case, docs/signal.schema.json), through System.Text.Json source generation. Writing and
/// reading both validate: a signal that breaks the contract is never written, and a document that does is refused
/// with a <see cref="SignalFormatException"/> naming the field.
/// </summary>
public static class SignalJson
{
    /// <summary>The signal as compact UTF-8 JSON.</summary>
    /// <exception cref="SignalFormatException">The signal breaks the contract.</exception>
    public static byte[] Serialize(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        signal.Validate();
        return JsonSerializer.SerializeToUtf8Bytes(signal, SignalJsonContext.Default.Signal);
    }

    /// <summary>Reads and validates one signal.</summary>
    /// <exception cref="SignalFormatException">Not JSON, an unknown, missing or mistyped field, or a field out of its range (named).</exception>
    public static Signal Parse(ReadOnlySpan<byte> utf8Json)
    {
        Signal? signal;
        try
        {
            signal = JsonSerializer.Deserialize(utf8Json, SignalJsonContext.Default.Signal);
        }
        catch (JsonException e)
        {
            throw new SignalFormatException(e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "", e.Message, e);
        }

        if (signal is null)
        {
            throw new SignalFormatException("", "the document is null.");
        }

        signal.Validate();
        return signal;
    }
}
