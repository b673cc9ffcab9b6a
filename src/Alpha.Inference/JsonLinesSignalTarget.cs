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
    /// <remarks>The new lines are written and flushed to disk as one write, never cut short by cancellation; an id counts as
    /// written only once it is on disk.</remarks>
    public async ValueTask DeliverAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        using var lines = new MemoryStream();
        var ids = new List<string>();
        foreach (Signal signal in entries.SelectMany(e => e.Batch.Signals))
        {
            if (!_written.Contains(signal.Id) && !ids.Contains(signal.Id))
            {
                lines.Write(SignalJson.Serialize(signal));
                lines.WriteByte((byte)'\n');
                ids.Add(signal.Id);
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        await _file.WriteAsync(lines.GetBuffer().AsMemory(0, (int)lines.Length), CancellationToken.None).ConfigureAwait(false);
        await _file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        _file.Flush(flushToDisk: true);
        _written.UnionWith(ids);
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
