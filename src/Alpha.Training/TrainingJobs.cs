using System.Collections.Concurrent;
using Alpha.Boosting.Training;
using Alpha.Features;
using Alpha.MarketData;

namespace Alpha.Training;

/// <summary>What the flows share: alignment and features as their first stages, concurrent booster jobs, and the final model's round count.</summary>
internal static class TrainingJobs
{
    /// <summary>The Align and Features stages: the aligned pair, its features, and the bars where every feature is ready.</summary>
    /// <exception cref="TrainingDataException">No bar has every feature ready.</exception>
    public static (AlignedPair Pair, FeatureFrame Frame, int[] Ready) AlignAndCompute(StageClock stages, PairDataset data, TrainingPolicy policy)
    {
        stages.Start(RetrainStage.Align, "aligning the legs");
        AlignedPair pair = PairAligner.Align(data.A, data.B, policy.Alignment);
        stages.Done($"{pair.Count} bars in {pair.Segments.Length} segment(s)");

        stages.Start(RetrainStage.Features, "computing features");
        FeatureFrame frame = PairFeatures.Compute(pair, policy.Features);
        int[] ready = [.. Enumerable.Range(0, frame.Count).Where(frame.IsReady)];
        if (ready.Length == 0)
        {
            throw new TrainingDataException($"No bar has every feature ready: a segment needs more than {policy.Features.FirstReadyBar} bars.");
        }

        stages.Done($"{ready.Length} ready bars");
        return (pair, frame, ready);
    }

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

    /// <summary>The registered trainer named <paramref name="name"/>, which <paramref name="user"/> trains with.</summary>
    /// <exception cref="ArgumentException">None has that name (the message lists the registered ones).</exception>
    public static IBoosterTrainer Trainer(IEnumerable<IBoosterTrainer> trainers, string name, string user)
    {
        IBoosterTrainer[] registered = [.. trainers];
        return registered.FirstOrDefault(t => t.Name == name)
            ?? throw new ArgumentException($"{user} trains with '{name}', but no trainer of that name is registered (registered: {string.Join(", ", registered.Select(t => t.Name))}).", nameof(trainers));
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
