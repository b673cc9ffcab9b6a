using Alpha.Retraining;

namespace Alpha.Api;

/// <summary>A model's retrain runs (audit.retrain_runs), newest first, and whether failures have disabled its automatic retraining.</summary>
/// <param name="Model">The model id (the retraining service's schedule).</param>
/// <param name="ConsecutiveFailures">Failed runs since the last success or blocked run.</param>
/// <param name="DisableAfterFailures">The policy's <c>disable_after_failures</c>.</param>
/// <param name="Disabled">Whether scheduled and degradation retraining is disabled (an ops warning: a manual run that succeeds enables it again).</param>
/// <param name="Runs">The runs, newest scheduled time first.</param>
internal sealed record RetrainHistoryView(string Model, int ConsecutiveFailures, int DisableAfterFailures, bool Disabled, RetrainRun[] Runs);
