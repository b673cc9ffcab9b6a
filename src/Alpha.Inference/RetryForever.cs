using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Alpha.Inference;

/// <summary>The worker's retry: as long as it takes, backing off exponentially with jitter, each failure logged.</summary>
internal static partial class RetryForever
{
    public static ResiliencePipeline Pipeline(string target, WorkerOptions options, TimeProvider timeProvider, ILogger? logger)
    {
        ILogger log = logger ?? NullLogger.Instance;
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                OnRetry = args =>
                {
                    LogRetry(log, target, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.GetType().Name, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery to {Target} failed; retry {Attempt} in {DelayMs:F0} ms: {ExceptionType}: {Reason}")]
    private static partial void LogRetry(ILogger logger, string target, int attempt, double delayMs, string? exceptionType, string? reason);
}
