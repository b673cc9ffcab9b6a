using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Alpha.Retraining;

/// <summary>
/// Run records in a JSON-lines file, the embedded default: every start and update appends the whole record as one line
/// (flushed to disk), the newest line of a (schedule, scheduled time) pair is its state, and the file is held
/// exclusively while it is read and appended to, so two processes on one host never both start a run. A torn last line
/// (a crash mid-write) is ignored and cut at the next write; any other line that is not a record is an error naming its
/// line number.
/// </summary>
public sealed class JsonLinesRetrainRunStore : IRetrainRunStore
{
    private readonly string _path;

    /// <summary>Creates the store over <paramref name="path"/> (created at the first write; its folder must exist).</summary>
    public JsonLinesRetrainRunStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryStartAsync(RetrainRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using FileStream file = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (Read(file).ContainsKey((run.ScheduleId, run.ScheduledFor)))
        {
            return false;
        }

        Append(file, run);
        return true;
    }

    /// <inheritdoc/>
    public async ValueTask UpdateAsync(RetrainRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using FileStream file = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!Read(file).ContainsKey((run.ScheduleId, run.ScheduledFor)))
        {
            throw new InvalidOperationException($"No run of {run.ScheduleId} for {run.ScheduledFor:O} is stored in {_path}.");
        }

        Append(file, run);
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<RetrainRun>> RecentAsync(string scheduleId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        if (!File.Exists(_path))
        {
            return [];
        }

        await using FileStream file = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. Read(file).Values.Where(r => r.ScheduleId == scheduleId).OrderByDescending(r => r.ScheduledFor).Take(limit)];
    }

    // The file, held exclusively (flock on Unix: other processes too); 5 s of retries before giving up.
    private async Task<FileStream> OpenAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Dictionary<(string, DateTimeOffset), RetrainRun> Read(FileStream file)
    {
        file.Position = 0;
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        string[] lines = reader.ReadToEnd().Split('\n');
        var runs = new Dictionary<(string, DateTimeOffset), RetrainRun>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                RetrainRun run = Parse(lines[i]);
                runs[(run.ScheduleId, run.ScheduledFor)] = run;
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                if (i < lines.Length - 1)
                {
                    throw new InvalidDataException($"{_path}: line {i + 1} is not a run record ({e.Message}).", e);
                }
            }
        }

        return runs;
    }

    private static void Append(FileStream file, RetrainRun run)
    {
        if (file.Length > 0)
        {
            file.Seek(-1, SeekOrigin.End);
            if (file.ReadByte() != '\n')
            {
                // A torn last line (a crash mid-write: never acknowledged) is cut, so it cannot end up mid-file.
                byte[] all = new byte[file.Length];
                file.Position = 0;
                file.ReadExactly(all);
                file.SetLength(Array.LastIndexOf(all, (byte)'\n') + 1);
            }
        }

        file.Seek(0, SeekOrigin.End);
        file.Write(Line(run));
        file.Flush(flushToDisk: true);
    }

    private static byte[] Line(RetrainRun run)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("run_id", run.RunId);
            w.WriteString("schedule_id", run.ScheduleId);
            WriteTime(w, "scheduled_for", run.ScheduledFor);
            w.WriteString("trigger", RetrainRunStatuses.Name(run.Trigger));
            w.WriteString("cause", run.Cause);
            w.WriteString("status", RetrainRunStatuses.Name(run.Status));
            w.WriteNumber("retry_count", run.RetryCount);
            w.WriteString("host", run.Host);
            WriteTime(w, "started_at", run.StartedAt);
            WriteTime(w, "heartbeat_at", run.HeartbeatAt);
            WriteTime(w, "ended_at", run.EndedAt);
            w.WriteString("model_version", run.Outcome?.Version);
            if (run.Outcome is { } outcome)
            {
                w.WriteNumber("theta1", outcome.Theta1);
                w.WriteNumber("theta2", outcome.Theta2);
                w.WritePropertyName("metrics");
                w.WriteRawValue(outcome.MetricsJson());
            }

            w.WriteString("log_path", run.LogPath);
            w.WriteString("error_message", run.Error);
            w.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    private static void WriteTime(Utf8JsonWriter w, string key, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(key, t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(key);
        }
    }

    private static RetrainRun Parse(string line)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        JsonElement r = document.RootElement;
        string? version = r.GetProperty("model_version").GetString();
        return new RetrainRun(
            r.GetProperty("run_id").GetGuid(),
            r.GetProperty("schedule_id").GetString() ?? throw new InvalidDataException("schedule_id is null."),
            Time(r, "scheduled_for"),
            RetrainRunStatuses.ParseTrigger(r.GetProperty("trigger").GetString() ?? ""),
            r.GetProperty("cause").GetString() ?? "",
            RetrainRunStatuses.Parse(r.GetProperty("status").GetString() ?? ""),
            r.GetProperty("retry_count").GetInt32() + 1,
            r.GetProperty("host").GetString() ?? "",
            Time(r, "started_at"),
            Time(r, "heartbeat_at"),
            r.GetProperty("ended_at").ValueKind == JsonValueKind.Null ? null : Time(r, "ended_at"),
            version is null ? null : new RetrainOutcome(version, r.GetProperty("theta1").GetDouble(), r.GetProperty("theta2").GetDouble(), RetrainOutcome.ParseMetrics(r.GetProperty("metrics").GetRawText())),
            r.GetProperty("log_path").GetString(),
            r.GetProperty("error_message").GetString());
    }

    private static DateTimeOffset Time(JsonElement r, string key) =>
        DateTimeOffset.Parse(r.GetProperty(key).GetString() ?? throw new InvalidDataException($"{key} is null."), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
