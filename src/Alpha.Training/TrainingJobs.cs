using System.Collections.Concurrent;

namespace Alpha.Training;

/// <summary>What the flows share to train boosters: concurrent jobs, and the final model's round count.</summary>
internal static class TrainingJobs
{
    /// <summary>
    /// Runs <paramref name="jobs"/> jobs on up to <paramref name="workers"/> threads (at least one), starting them in
    /// index order; the first failure is rethrown as itself.
    /// </summary>
    public static void Run(int jobs, Action<int> body, int workers, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Clamp(workers, 1, Math.Max(1, jobs)),
            CancellationToken = cancellationToken,
        };
        try
        {
            Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, jobs), EnumerablePartitionerOptions.NoBuffering), options, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            Exception first = e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    /// <summary>Boosters trained at once: the policy's count, or one per core.</summary>
    public static int Workers(TrainingPolicy policy) => policy.ParallelTrainings > 0 ? policy.ParallelTrainings : Environment.ProcessorCount;

    /// <summary>The final model's round count: the median of the folds' best round counts (lower median for an even count).</summary>
    public static int MedianRounds(IEnumerable<int> bestIterations)
    {
        int[] rounds = [.. bestIterations.Select(b => b + 1).Order()];
        return rounds[(rounds.Length - 1) / 2];
    }
}
