using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Alpha.Boosting.Training;

namespace Alpha.Boosting.LightGbm;

/// <summary>
/// Trains with native LightGBM (the LightGBM package's <c>lib_lightgbm.so</c>; Debian's <c>libgomp1</c>): the
/// training dataset, the validation dataset binned on it, one round at a time (<c>LGBM_BoosterUpdateOneIter</c>),
/// the validation metric read after each round (<c>LGBM_BoosterGetEval</c>), early stopping in C# on the last metric
/// (<see cref="EarlyStopping"/>: minimised, or maximised for auc, average_precision, map and ndcg), and the model saved at the best round as
/// <c>model.txt</c>. A round in which no tree can split ends training, as it does in LightGBM.
/// </summary>
/// <remarks>
/// Thread-safe: each call owns its datasets and booster, freed on every path (cancellation included). Under the
/// determinism profile of <see cref="LightGbmParameters"/> the same data and parameters give the same bytes.
/// </remarks>
public sealed class LightGbmTrainer : IBoosterTrainer
{
    /// <inheritdoc/>
    /// <value>Always <c>lightgbm</c>.</value>
    public string Name => "lightgbm";

    /// <inheritdoc/>
    /// <value>Always <see cref="ModelFormat.LightGbmText"/>.</value>
    public ModelFormat Format => ModelFormat.LightGbmText;

    /// <inheritdoc/>
    /// <exception cref="LightGbmException">LightGBM refused a parameter or failed (its own message, with the call).</exception>
    public BoosterTrainingResult Train(BoosterDataset train, BoosterDataset? validation, BoosterParameters parameters, BoosterTrainingOptions options, IProgress<BoosterIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        if (parameters is not LightGbmParameters lightGbm)
        {
            throw new ArgumentException($"LightGBM cannot train with {parameters.Booster} parameters.", nameof(parameters));
        }

        options.Validate();
        if (options.EarlyStoppingRounds is not null && validation is null)
        {
            throw new ArgumentException("Early stopping needs a validation set (or set EarlyStoppingRounds to null).", nameof(validation));
        }

        if (validation is not null && validation.Columns != train.Columns)
        {
            throw new ArgumentException($"The validation set has {validation.Columns} columns; the training data has {train.Columns}.", nameof(validation));
        }

        cancellationToken.ThrowIfCancellationRequested();
        string native = string.Join(' ', lightGbm.ToNative().Select(p => $"{p.Key}={p.Value}"));
        using DatasetHandle trainData = LightGbmDataset.Create(train, native, reference: null);
        using DatasetHandle? validData = validation is null ? null : LightGbmDataset.Create(validation, native, trainData);
        NativeMethods.Check(NativeMethods.LGBM_BoosterCreate(trainData, native, out BoosterHandle booster), "LGBM_BoosterCreate");
        using (booster)
        {
            if (validData is not null)
            {
                NativeMethods.Check(NativeMethods.LGBM_BoosterAddValidData(booster, validData), "LGBM_BoosterAddValidData");
            }

            string[] metrics = lightGbm.Metric.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Boost(booster, validData is not null, metrics, options, progress, cancellationToken);
        }
    }

    private static BoosterTrainingResult Boost(BoosterHandle booster, bool validated, string[] metrics, BoosterTrainingOptions options, IProgress<BoosterIteration>? progress, CancellationToken cancellationToken)
    {
        var history = ImmutableArray.CreateBuilder<BoosterIteration>();
        var stopping = new EarlyStopping(metrics[^1], options.EarlyStoppingRounds);
        int rounds = 0;
        for (int round = 0; round < options.MaxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            NativeMethods.Check(NativeMethods.LGBM_BoosterUpdateOneIter(booster, out int finished), "LGBM_BoosterUpdateOneIter");
            if (finished != 0)
            {
                // No tree could split: LightGBM dropped the round and nothing more can be learned.
                break;
            }

            rounds = round + 1;
            ImmutableArray<EvaluationScore> scores = validated ? Evaluate(booster, metrics) : [];
            var iteration = new BoosterIteration(round, scores);
            history.Add(iteration);
            progress?.Report(iteration);
            if (!scores.IsEmpty && stopping.Observe(round, scores[^1].Value))
            {
                break;
            }
        }

        if (rounds == 0)
        {
            throw new LightGbmException("LGBM_BoosterUpdateOneIter", "the first round found no split: the data has no signal LightGBM can split on under these parameters (e.g. min_data_in_leaf)");
        }

        // Without a validation set every round is kept.
        int best = validated ? stopping.BestRound : rounds - 1;
        return new BoosterTrainingResult(Save(booster, best + 1), ModelFormat.LightGbmText, best, validated ? stopping.BestScore : double.NaN, rounds, history.ToImmutable());
    }

    private static unsafe ImmutableArray<EvaluationScore> Evaluate(BoosterHandle booster, string[] metrics)
    {
        NativeMethods.Check(NativeMethods.LGBM_BoosterGetEvalCounts(booster, out int count), "LGBM_BoosterGetEvalCounts");
        Span<double> values = count <= 8 ? stackalloc double[8] : new double[count];
        int length;
        fixed (double* results = values)
        {
            NativeMethods.Check(NativeMethods.LGBM_BoosterGetEval(booster, 1, out length, results), "LGBM_BoosterGetEval");
        }

        if (length != metrics.Length)
        {
            throw new LightGbmException("LGBM_BoosterGetEval", $"returned {length} metrics for the {metrics.Length} asked for ({string.Join(',', metrics)})");
        }

        var scores = ImmutableArray.CreateBuilder<EvaluationScore>(length);
        for (int m = 0; m < length; m++)
        {
            scores.Add(new EvaluationScore("validation", metrics[m], values[m]));
        }

        return scores.MoveToImmutable();
    }

    // model.txt with the first `iterations` rounds; the call reports the size (with its trailing NUL) when the buffer is short.
    private static unsafe ImmutableArray<byte> Save(BoosterHandle booster, int iterations)
    {
        NativeMethods.Check(NativeMethods.LGBM_BoosterSaveModelToString(booster, 0, iterations, 0, 0, out long length, null), "LGBM_BoosterSaveModelToString");
        byte[] buffer = new byte[length];
        fixed (byte* text = buffer)
        {
            NativeMethods.Check(NativeMethods.LGBM_BoosterSaveModelToString(booster, 0, iterations, 0, buffer.LongLength, out length, text), "LGBM_BoosterSaveModelToString");
        }

        int end = Array.IndexOf(buffer, (byte)0);
        return ImmutableCollectionsMarshal.AsImmutableArray(end < 0 ? buffer : buffer[..end]);
    }
}
