using System.Collections.Immutable;

namespace Alpha.Training;

/// <summary>Times the flow's stages, reports their progress and checks cancellation between them.</summary>
internal sealed class StageClock(TimeProvider time, IProgress<RetrainProgress>? progress, CancellationToken cancellationToken)
{
    private readonly ImmutableArray<KeyValuePair<RetrainStage, TimeSpan>>.Builder _times = ImmutableArray.CreateBuilder<KeyValuePair<RetrainStage, TimeSpan>>();
    private RetrainStage _stage;
    private long _started;

    public ImmutableArray<KeyValuePair<RetrainStage, TimeSpan>> Times => _times.ToImmutable();

    public void Start(RetrainStage stage, string message)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _stage = stage;
        _started = time.GetTimestamp();
        progress?.Report(new RetrainProgress(stage, 0, message));
    }

    public void Report(double fraction, string message)
    {
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new RetrainProgress(_stage, fraction, message));
    }

    /// <summary>A stage that ran in the background: its own duration, recorded when it is joined.</summary>
    public void Record(RetrainStage stage, TimeSpan elapsed, string message)
    {
        _times.Add(new(stage, elapsed));
        progress?.Report(new RetrainProgress(stage, 1, message));
    }

    public void Done(string message)
    {
        _times.Add(new(_stage, time.GetElapsedTime(_started)));
        progress?.Report(new RetrainProgress(_stage, 1, message));
    }
}
