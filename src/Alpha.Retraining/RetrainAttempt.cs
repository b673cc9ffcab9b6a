namespace Alpha.Retraining;

/// <summary>One attempt of a run, as the work sees it: which attempt it is, and the heartbeat it must give during long stages.</summary>
public sealed class RetrainAttempt
{
    private readonly TimeProvider _time;
    private long _lastBeat;

    internal RetrainAttempt(int number, TimeProvider time)
    {
        (Number, _time) = (number, time);
        _lastBeat = time.GetTimestamp();
    }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; }

    /// <summary>Says the work is alive (call it at least once per heartbeat timeout: after each fold, each stage).</summary>
    public void Beat() => Interlocked.Exchange(ref _lastBeat, _time.GetTimestamp());

    internal TimeSpan Silence => _time.GetElapsedTime(Interlocked.Read(ref _lastBeat));
}
