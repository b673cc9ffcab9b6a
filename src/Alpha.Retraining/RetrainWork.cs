namespace Alpha.Retraining;

/// <summary>
/// One attempt of a run: trains and registers a version and says what it registered. It calls
/// <see cref="RetrainAttempt.Beat"/> during long stages, throws <see cref="RetrainBlockedException"/> when what it needs is
/// missing (no retry), any other exception to fail the attempt (retried), and stops when the token is cancelled.
/// </summary>
/// <param name="attempt">The attempt: its number, the run, and the heartbeat.</param>
/// <param name="cancellationToken">The host stopping, or the heartbeat watchdog.</param>
public delegate Task<RetrainOutcome> RetrainWork(RetrainAttempt attempt, CancellationToken cancellationToken);
