using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Alpha.Boosting.XGBoost;

/// <summary>
/// Trains with native XGBoost: one round at a time (XGBoosterUpdateOneIter), every evaluation set scored after each
/// round, early stopping on the last set's last metric (minimised, or maximised for auc/aucpr/map/ndcg/pre), and
/// the model cut back to the best round (XGBoosterSlice). Cancellation is checked between rounds.
/// </summary>
public static class XGBoostTrainer
{
    /// <summary>Trains a booster on <paramref name="train"/>.</summary>
    /// <param name="train">Training data.</param>
    /// <param name="parameters">Booster parameters; the suite's defaults when null.</param>
    /// <param name="options">Rounds and early stopping; the defaults when null.</param>
    /// <param name="evaluation">Sets scored after each round; the last drives early stopping.</param>
    /// <param name="progress">Receives each round's scores.</param>
    /// <param name="cancellationToken">Checked between rounds.</param>
    /// <exception cref="ArgumentException">Early stopping without an evaluation set, a column count that differs, or a bad set name.</exception>
    /// <exception cref="XGBoostException">XGBoost refused a parameter or failed (its own message).</exception>
    /// <exception cref="DllNotFoundException">libxgboost.so.0 is not installed (the message names the Debian package).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static XGBoostTrainingResult Train(
        XGBoostDataset train,
        XGBoostParameters? parameters = null,
        XGBoostTrainingOptions? options = null,
        IReadOnlyList<EvaluationSet>? evaluation = null,
        IProgress<XGBoostIteration>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        parameters ??= new XGBoostParameters();
        options ??= new XGBoostTrainingOptions();
        options.Validate();
        evaluation ??= [];
        Validate(train, options, evaluation);
        IReadOnlyList<KeyValuePair<string, string>> native = parameters.ToNative();

        var matrices = new List<DMatrixHandle>();
        try
        {
            matrices.Add(train.ToDMatrix());
            foreach (EvaluationSet set in evaluation)
            {
                matrices.Add(set.Data.ToDMatrix());
            }

            using BoosterHandle booster = BoosterHandle.Create(matrices);
            foreach ((string name, string value) in native)
            {
                booster.SetParameter(name, value);
            }

            return Boost(booster, matrices, evaluation, options, progress, cancellationToken);
        }
        finally
        {
            foreach (DMatrixHandle matrix in matrices)
            {
                matrix.Dispose();
            }
        }
    }

    private static XGBoostTrainingResult Boost(BoosterHandle booster, List<DMatrixHandle> matrices, IReadOnlyList<EvaluationSet> evaluation, XGBoostTrainingOptions options, IProgress<XGBoostIteration>? progress, CancellationToken cancellationToken)
    {
        var history = ImmutableArray.CreateBuilder<XGBoostIteration>();
        int best = -1, rounds = 0;
        double bestScore = double.NaN;
        bool? maximise = null;
        for (int round = 0; round < options.MaxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            NativeMethods.Check(NativeMethods.XGBoosterUpdateOneIter(booster, round, matrices[0]), "XGBoosterUpdateOneIter");
            rounds = round + 1;
            ImmutableArray<EvaluationScore> scores = evaluation.Count == 0 ? [] : Evaluate(booster, matrices, evaluation, round);
            var iteration = new XGBoostIteration(round, scores);
            history.Add(iteration);
            progress?.Report(iteration);
            if (scores.IsEmpty)
            {
                best = round;
                continue;
            }

            EvaluationScore watched = scores[^1];
            maximise ??= IsMaximised(watched.Metric);
            if (best < 0 || (maximise.Value ? watched.Value > bestScore : watched.Value < bestScore))
            {
                best = round;
                bestScore = watched.Value;
            }
            else if (options.EarlyStoppingRounds is int patience && round - best >= patience)
            {
                break;
            }
        }

        byte[] json;
        if (best + 1 < rounds)
        {
            using BoosterHandle sliced = booster.Slice(best + 1);
            json = sliced.SaveJson();
        }
        else
        {
            json = booster.SaveJson();
        }

        return new XGBoostTrainingResult(ImmutableCollectionsMarshal.AsImmutableArray(json), best, bestScore, rounds, history.ToImmutable());
    }

    // XGBoosterEvalOneIter returns "[round]\tname-metric:value\t…".
    private static ImmutableArray<EvaluationScore> Evaluate(BoosterHandle booster, List<DMatrixHandle> matrices, IReadOnlyList<EvaluationSet> evaluation, int round)
    {
        var handles = new IntPtr[evaluation.Count];
        var names = new IntPtr[evaluation.Count];
        try
        {
            for (int i = 0; i < handles.Length; i++)
            {
                handles[i] = matrices[i + 1].DangerousGetHandle();
                names[i] = Marshal.StringToCoTaskMemUTF8(evaluation[i].Name);
            }

            NativeMethods.Check(NativeMethods.XGBoosterEvalOneIter(booster, round, handles, names, (ulong)handles.Length, out IntPtr result), "XGBoosterEvalOneIter");
            GC.KeepAlive(matrices);
            return Parse(Marshal.PtrToStringUTF8(result) ?? "");
        }
        finally
        {
            foreach (IntPtr name in names)
            {
                Marshal.FreeCoTaskMem(name);
            }
        }
    }

    internal static ImmutableArray<EvaluationScore> Parse(string line)
    {
        var scores = ImmutableArray.CreateBuilder<EvaluationScore>();
        foreach (string field in line.Split('\t', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            int colon = field.LastIndexOf(':');
            int dash = field.IndexOf('-', StringComparison.Ordinal);
            if (colon < 0 || dash < 0 || dash > colon)
            {
                throw new XGBoostException("XGBoosterEvalOneIter", $"unexpected evaluation output '{line}'");
            }

            scores.Add(new EvaluationScore(field[..dash], field[(dash + 1)..colon], double.Parse(field[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return scores.ToImmutable();
    }

    private static bool IsMaximised(string metric) =>
        metric.StartsWith("auc", StringComparison.Ordinal) || metric.StartsWith("map", StringComparison.Ordinal)
        || metric.StartsWith("ndcg", StringComparison.Ordinal) || metric.StartsWith("pre", StringComparison.Ordinal);

    private static void Validate(XGBoostDataset train, XGBoostTrainingOptions options, IReadOnlyList<EvaluationSet> evaluation)
    {
        if (options.EarlyStoppingRounds is not null && evaluation.Count == 0)
        {
            throw new ArgumentException("Early stopping needs at least one evaluation set (or set EarlyStoppingRounds to null).", nameof(evaluation));
        }

        foreach (EvaluationSet set in evaluation)
        {
            ArgumentNullException.ThrowIfNull(set);
            if (string.IsNullOrEmpty(set.Name) || !set.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Evaluation set name '{set.Name}' must be non-empty letters, digits or '_'.", nameof(evaluation));
            }

            if (set.Data.Columns != train.Columns)
            {
                throw new ArgumentException($"Evaluation set '{set.Name}' has {set.Data.Columns} columns; the training data has {train.Columns}.", nameof(evaluation));
            }
        }
    }
}
