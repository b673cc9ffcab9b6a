using System.Collections.Immutable;
using System.Diagnostics;

namespace Alpha.TestUtils;

/// <summary>
/// Feeds seeded mutants of model files (<see cref="ModelMutator"/>) to a loader, each case on a worker under a time
/// limit, and counts what happened: refused with the typed exception, accepted (loaded and exercised), failed with
/// any other exception, or still running at the limit (a hang; the run stops there, since the case's thread cannot
/// be stopped). A crash takes the process down and so fails whatever ran it.
/// </summary>
public static class MutationRun
{
    /// <summary>Runs <paramref name="cases"/> mutants, cycling through <paramref name="models"/> and the mutation kinds.</summary>
    /// <param name="models">The well-formed files to mutate.</param>
    /// <param name="cases">How many mutants.</param>
    /// <param name="seed">The run's seed: the same seed gives the same mutants.</param>
    /// <param name="perCase">The time limit of one case (load and exercise).</param>
    /// <param name="exercise">Loads a mutant and uses the model; throws to refuse it.</param>
    /// <param name="isTyped">Whether an exception is the loader's typed refusal.</param>
    public static MutationReport Run(IReadOnlyList<byte[]> models, int cases, int seed, TimeSpan perCase, Action<byte[]> exercise, Func<Exception, bool> isTyped)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(isTyped);
        int refused = 0, accepted = 0;
        var unexpected = ImmutableArray.CreateBuilder<string>();
        string? hang = null;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < cases && hang is null; i++)
        {
            byte[] mutant = ModelMutator.Mutate(models[i % models.Count], seed, i, out string kind);
            var task = Task.Run(() => exercise(mutant));
            try
            {
                if (!task.Wait(perCase))
                {
                    hang = $"case {i} ({kind} of model {i % models.Count}) still ran after {perCase.TotalSeconds:0.#} s";
                    continue;
                }

                accepted++;
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1 && isTyped(e.InnerException!))
            {
                refused++;
            }
            catch (AggregateException e)
            {
                Exception inner = e.InnerException ?? e;
                unexpected.Add($"case {i} ({kind} of model {i % models.Count}): {inner.GetType().Name}: {inner.Message[..Math.Min(200, inner.Message.Length)]}");
            }
        }

        return new MutationReport(cases, refused, accepted, unexpected.ToImmutable(), hang, clock.Elapsed);
    }
}
