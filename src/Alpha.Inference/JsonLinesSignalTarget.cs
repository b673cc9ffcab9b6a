using System.Text;
using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>
/// The embedded worker's signal output: every signal appended to a JSON-lines file (snake_case, as <c>alpha replay</c>
/// writes, docs/signal.schema.json), flushed to disk before the outbox moves on. Idempotent: ids already in the file are
/// not written again, so a redelivery after a crash leaves one line per signal; a line a crash left half-written is cut
/// at open (the outbox delivers its signal again).
/// </summary>
public sealed class JsonLinesSignalTarget : IRelayTarget, IDisposable
{
    private readonly FileStream _file;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    /// <summary>Opens (or creates) the file and reads the ids it already holds.</summary>
    /// <exception cref="InvalidDataException">A line of the existing file is not a signal (the message names the line).</exception>
    public JsonLinesSignalTarget(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        if (File.Exists(Path))
        {
            byte[] content = File.ReadAllBytes(Path);
            int end = content.AsSpan().LastIndexOf((byte)'\n') + 1;
            if (end < content.Length)
            {
                // The torn end of a write a crash interrupted: its signal is still in the outbox and is delivered again.
                using var torn = new FileStream(Path, FileMode.Open, FileAccess.Write);
                torn.SetLength(end);
                torn.Flush(flushToDisk: true);
            }

            int number = 0;
            foreach (string line in Encoding.UTF8.GetString(content, 0, end).Split('\n'))
            {
                number++;
                if (line.Length > 0)
                {
                    try
                    {
                        _written.Add(SignalJson.Parse(Encoding.UTF8.GetBytes(line)).Id);
                    }
                    catch (FormatException e)
                    {
                        throw new InvalidDataException($"{Path}, line {number}: not a signal ({e.Message}).", e);
                    }
                }
            }
        }

        _file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public string Name => "jsonl";

    /// <inheritdoc/>
    public async ValueTask DeliverAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        bool wrote = false;
        foreach (OutboxEntry entry in entries)
        {
            foreach (Signal signal in entry.Batch.Signals)
            {
                if (_written.Add(signal.Id))
                {
                    await _file.WriteAsync(SignalJson.Serialize(signal), cancellationToken).ConfigureAwait(false);
                    _file.WriteByte((byte)'\n');
                    wrote = true;
                }
            }
        }

        if (wrote)
        {
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
            _file.Flush(flushToDisk: true);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
