using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Alpha.Registry;

/// <summary>
/// The embedded registry store: per model id a folder under <see cref="Root"/> with <c>events.jsonl</c> (one
/// canonical JSON event per line, appended and flushed to disk), <c>head.json</c> (the last acknowledged sequence and
/// hash, replaced atomically after each append, so a truncated log shows), <c>versions.jsonl</c> (the catalogue rows;
/// a later row of a version replaces an earlier one)
/// and <c>.lock</c>, an exclusive file lock that serialises appends across threads and processes.
/// </summary>
/// <remarks>
/// A crash in the middle of an append leaves at most a torn last line after the acknowledged head; it is ignored
/// when read and cut off by the next append. Anything malformed before the head is refused.
/// </remarks>
public sealed class FileRegistryStore : IRegistryStore
{
    private const string EventsFile = "events.jsonl";
    private const string HeadFile = "head.json";
    private const string VersionsFile = "versions.jsonl";
    private const string LockFile = ".lock";
    private static readonly TimeSpan s_lockPoll = TimeSpan.FromMilliseconds(10);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    /// <param name="root">The registry folder (created on the first append), e.g. <c>models_root/.registry</c>.</param>
    /// <param name="lockTimeout">How long an append waits for another writer's lock before giving up; default 30 s.</param>
    /// <param name="timeProvider">The clock lock waits are measured with; default the system clock.</param>
    public FileRegistryStore(string root, TimeSpan? lockTimeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        TimeSpan timeout = lockTimeout ?? TimeSpan.FromSeconds(30);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(lockTimeout));
        Root = Path.GetFullPath(root);
        LockTimeout = timeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The registry folder.</summary>
    public string Root { get; }

    /// <summary>How long an append waits for another writer's lock.</summary>
    public TimeSpan LockTimeout { get; }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<string>> ListModelIdsAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<ImmutableArray<string>>(Directory.Exists(Root)
            ? [.. Directory.EnumerateDirectories(Root).Where(d => File.Exists(Path.Combine(d, EventsFile))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)]
            : []);

    /// <inheritdoc/>
    public ValueTask<RegistryLog> ReadAsync(string modelId, CancellationToken cancellationToken = default)
    {
        string folder = Folder(modelId);
        return ValueTask.FromResult(Read(folder, modelId).Log);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ModelVersionRecord>> ReadVersionsAsync(string modelId, CancellationToken cancellationToken = default)
    {
        string path = Path.Combine(Folder(modelId), VersionsFile);
        var records = ImmutableArray.CreateBuilder<ModelVersionRecord>();
        long lineNumber = 0;
        foreach (string line in File.Exists(path) ? File.ReadLines(path) : [])
        {
            lineNumber++;
            if (line.Length > 0)
            {
                records.Add(ModelVersionRecordJson.Parse(line, modelId, lineNumber));
            }
        }

        return ValueTask.FromResult(records.ToImmutable());
    }

    /// <inheritdoc/>
    public async ValueTask<RegistryLog> AppendAsync(string modelId, Func<RegistryLog, RegistryAppend> decide, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        string folder = Folder(modelId);
        Directory.CreateDirectory(folder);
        using FileStream lockHandle = await LockAsync(folder, cancellationToken).ConfigureAwait(false);
        (RegistryLog log, long completeLength) = Read(folder, modelId);
        RegistryAppend append = decide(log);
        if (append.Events.IsEmpty)
        {
            return log;
        }

        if (append.Row is { } record)
        {
            using var versions = new FileStream(Path.Combine(folder, VersionsFile), FileMode.Append, FileAccess.Write, FileShare.Read);
            versions.Write(ModelVersionRecordJson.Line(record));
            versions.Flush(flushToDisk: true);
        }

        using (var events = new FileStream(Path.Combine(folder, EventsFile), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read))
        {
            events.SetLength(completeLength);       // cuts a torn line a crashed append left
            events.Seek(0, SeekOrigin.End);
            foreach (RegistryEvent e in append.Events)
            {
                events.Write(RegistryEventJson.Line(e));
            }

            events.Flush(flushToDisk: true);
        }

        RegistryEvent head = append.Events[^1];
        DurableFile.Replace(Path.Combine(folder, HeadFile), Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{{\"sequence\":{head.Sequence},\"hash\":\"{head.Hash}\"}}\n")));
        return new RegistryLog(modelId, log.Events.AddRange(append.Events), head.Sequence, head.Hash);
    }

    private string Folder(string modelId)
    {
        ModelIds.EnsureValid(modelId);
        return Path.Combine(Root, modelId);
    }

    private async Task<FileStream> LockAsync(string folder, CancellationToken cancellationToken)
    {
        string path = Path.Combine(folder, LockFile);
        long started = _timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (_timeProvider.GetElapsedTime(started) < LockTimeout)
            {
                await Task.Delay(s_lockPoll, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Another writer has held the registry lock {path} for over {LockTimeout.TotalSeconds:0.#} s.", e);
            }
        }
    }

    private static (RegistryLog Log, long CompleteLength) Read(string folder, string modelId)
    {
        (long headSequence, string headHash) = ReadHead(folder, modelId);
        string path = Path.Combine(folder, EventsFile);
        byte[] bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        var events = ImmutableArray.CreateBuilder<RegistryEvent>();
        int start = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                if (events.Count < headSequence)
                {
                    throw new RegistryLogException(modelId, events.Count + 1, $"line {events.Count + 1} of {path} is cut short within the acknowledged log.");
                }

                break;      // a torn line after the head: an append that crashed; never acknowledged
            }

            events.Add(RegistryEventJson.Parse(bytes.AsSpan(start, end - start), modelId, events.Count + 1));
            start = end + 1;
        }

        return (new RegistryLog(modelId, events.ToImmutable(), headSequence, headHash), start);
    }

    private static (long Sequence, string Hash) ReadHead(string folder, string modelId)
    {
        string path = Path.Combine(folder, HeadFile);
        if (!File.Exists(path))
        {
            return (0, EventChain.Genesis);     // a first append that crashed before acknowledging anything
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            long sequence = doc.RootElement.GetProperty("sequence").GetInt64();
            string hash = doc.RootElement.GetProperty("hash").GetString() ?? "";
            return sequence >= 0 && Sha256Hex.IsValid(hash) ? (sequence, hash) : throw new FormatException("sequence or hash out of range");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new RegistryLogException(modelId, 0, $"{path} is not a registry head: {e.Message}");
        }
    }
}
