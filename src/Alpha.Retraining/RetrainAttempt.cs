namespace Alpha.Retraining;

/// <summary>One attempt of a run, as the work sees it: which attempt it is, its run, and the heartbeat it must give during long stages.</summary>
public sealed class RetrainAttempt
{
    private readonly TimeProvider _time;
    private long _lastBeat;
    private long _lastBeatAtTicks;

    internal RetrainAttempt(int number, RetrainRun run, TimeProvider time)
    {
        (Number, Run, _time) = (number, run, time);
        Beat();
    }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; }

    /// <summary>The run as it was when the attempt started (its trigger, cause and log file).</summary>
    public RetrainRun Run { get; }

    /// <summary>Says the work is alive (call it at least once per heartbeat timeout: after each fold, each stage).</summary>
    public void Beat()
    {
        Interlocked.Exchange(ref _lastBeat, _time.GetTimestamp());
        Interlocked.Exchange(ref _lastBeatAtTicks, _time.GetUtcNow().UtcTicks);
    }

    internal TimeSpan Silence => _time.GetElapsedTime(Interlocked.Read(ref _lastBeat));

    internal DateTimeOffset LastBeatAt => new(Interlocked.Read(ref _lastBeatAtTicks), TimeSpan.Zero);
}
