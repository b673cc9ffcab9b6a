using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Alpha.Boosting.Training;

namespace Alpha.Boosting.XGBoost;

/// <summary>
/// Trains with native XGBoost: one round at a time (XGBoosterUpdateOneIter), every evaluation set scored after each
/// round, early stopping on the last set's last metric (minimised, or maximised for auc/aucpr/map/ndcg/pre), and
/// the model cut back to the best round (XGBoosterSlice). Cancellation is checked between rounds.
/// </summary>
public sealed class XGBoostTrainer : IBoosterTrainer
{
    /// <inheritdoc/>
    /// <value>Always <c>xgboost</c>.</value>
    public string Name => "xgboost";

    /// <inheritdoc/>
    /// <value>Always <see cref="ModelFormat.XGBoostJson"/>.</value>
    public ModelFormat Format => ModelFormat.XGBoostJson;

    /// <inheritdoc/>
    BoosterTrainingResult IBoosterTrainer.Train(BoosterDataset train, BoosterDataset? validation, BoosterParameters parameters, BoosterTrainingOptions options, IProgress<BoosterIteration>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters is not XGBoostParameters xgboost)
        {
            throw new ArgumentException($"XGBoost cannot train with {parameters.Booster} parameters.", nameof(parameters));
        }

        IReadOnlyList<EvaluationSet> evaluation = validation is null ? [] : [new EvaluationSet("validation", XGBoostDataset.From(validation))];
        return Train(XGBoostDataset.From(train), xgboost, options, evaluation, progress, cancellationToken);
    }

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
    public static BoosterTrainingResult Train(
        XGBoostDataset train,
        XGBoostParameters? parameters = null,
        BoosterTrainingOptions? options = null,
        IReadOnlyList<EvaluationSet>? evaluation = null,
        IProgress<BoosterIteration>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        parameters ??= new XGBoostParameters();
        options ??= new BoosterTrainingOptions();
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

    private static BoosterTrainingResult Boost(BoosterHandle booster, List<DMatrixHandle> matrices, IReadOnlyList<EvaluationSet> evaluation, BoosterTrainingOptions options, IProgress<BoosterIteration>? progress, CancellationToken cancellationToken)
    {
        var history = ImmutableArray.CreateBuilder<BoosterIteration>();
        int rounds = 0;
        EarlyStopping? stopping = null;
        for (int round = 0; round < options.MaxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            NativeMethods.Check(NativeMethods.XGBoosterUpdateOneIter(booster, round, matrices[0]), "XGBoosterUpdateOneIter");
            rounds = round + 1;
            ImmutableArray<EvaluationScore> scores = evaluation.Count == 0 ? [] : Evaluate(booster, matrices, evaluation, round);
            var iteration = new BoosterIteration(round, scores);
            history.Add(iteration);
            progress?.Report(iteration);
            if (!scores.IsEmpty && (stopping ??= new EarlyStopping(scores[^1].Metric, options.EarlyStoppingRounds)).Observe(round, scores[^1].Value))
            {
                break;
            }
        }

        // Without evaluation sets every round is kept.
        int best = stopping?.BestRound ?? rounds - 1;
        double bestScore = stopping?.BestScore ?? double.NaN;
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

        return new BoosterTrainingResult(ImmutableCollectionsMarshal.AsImmutableArray(json), ModelFormat.XGBoostJson, best, bestScore, rounds, history.ToImmutable());
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

    private static void Validate(XGBoostDataset train, BoosterTrainingOptions options, IReadOnlyList<EvaluationSet> evaluation)
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
