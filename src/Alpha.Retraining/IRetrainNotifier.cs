namespace Alpha.Retraining;

/// <summary>Where retraining events go (<see cref="WebhookRetrainNotifier"/>: a Slack-compatible webhook).</summary>
public interface IRetrainNotifier
{
    /// <summary>Delivers the event. Delivery failures are the notifier's to report (log); they never fail a run.</summary>
    Task NotifyAsync(RetrainEvent retrainEvent, CancellationToken cancellationToken);
}
