namespace Alpha.Operations;

/// <summary>Every signal ever delivered (Alpha.Storage.Postgres: <c>core.signals_history</c>).</summary>
public interface ISignalHistory
{
    /// <summary>One page, newest first (by bar time, then id).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside [1, 500].</exception>
    ValueTask<SignalPage> PageAsync(SignalQuery query, CancellationToken cancellationToken);
}
