using System.Text;

namespace Alpha.Boosting;

/// <summary>
/// A gradient-boosted tree ensemble compiled to flat arrays, from an XGBoost JSON model or a LightGBM text model.
/// Predicts the raw margins (one per output: 1, or one per class) or the transformed output of a row; a single
/// row never allocates; a batch can run on several threads. NaN in a feature means missing, exactly as in the
/// native library that trained the model. Immutable and thread-safe.
/// </summary>
public abstract class BoostedTreeModel
{
    private protected BoostedTreeModel(int featureCount, int outputCount, int treeCount, string objective, OutputTransform transform)
    {
        FeatureCount = featureCount;
        OutputCount = outputCount;
        TreeCount = treeCount;
        Objective = objective;
        Transform = transform;
    }

    /// <summary>Number of features a row must have.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of outputs: 1, or the number of classes.</summary>
    public int OutputCount { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount { get; }

    /// <summary>The objective as the model file names it (e.g. <c>binary:logistic</c>, <c>multiclass num_class:5</c>).</summary>
    public string Objective { get; }

    /// <summary>How margins become outputs.</summary>
    public OutputTransform Transform { get; }

    /// <summary>Loads an XGBoost JSON model (1.x; <c>save_model("x.json")</c> or <c>save_raw("json")</c>).</summary>
    /// <exception cref="ModelFormatException">Malformed JSON, a missing or invalid field (named by its path), or an unsupported booster or objective.</exception>
    public static BoostedTreeModel LoadXGBoostJson(ReadOnlySpan<byte> utf8Json) => XGBoostJsonLoader.Load(utf8Json);

    /// <summary>Loads a LightGBM text model (<c>model.txt</c>, versions v2–v4).</summary>
    /// <exception cref="ModelFormatException">A malformed or truncated model, naming the line and key.</exception>
    public static BoostedTreeModel LoadLightGbmText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LightGbmTextLoader.Load(text);
    }

    /// <summary>Loads a serialised model of a known format (a trainer's <see cref="Training.BoosterTrainingResult.Model"/>).</summary>
    /// <exception cref="ModelFormatException">The bytes are not a valid model of that format.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static BoostedTreeModel Load(ReadOnlySpan<byte> model, Training.ModelFormat format) => format switch
    {
        Training.ModelFormat.XGBoostJson => LoadXGBoostJson(model),
        Training.ModelFormat.LightGbmText => LoadLightGbmText(Encoding.UTF8.GetString(model)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown model format."),
    };

    /// <summary>Loads a model file, telling XGBoost JSON (starts with '{') from LightGBM text (starts with "tree").</summary>
    /// <exception cref="ModelFormatException">Neither format, or a malformed model (the message names the file).</exception>
    public static BoostedTreeModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> content = bytes.AsSpan().TrimStart(" \t\r\n\uFEFF"u8);
        try
        {
            return content.IsEmpty ? throw new ModelFormatException(path, "the file is empty")
                : content[0] == (byte)'{' ? LoadXGBoostJson(content)
                : LoadLightGbmText(Encoding.UTF8.GetString(content));
        }
        catch (ModelFormatException e) when (!e.Location.StartsWith(path, StringComparison.Ordinal))
        {
            throw new ModelFormatException($"{path}: {e.Location}", e.Message[(e.Location.Length + 2)..]);
        }
    }

    /// <summary>Writes the raw margins of one row into <paramref name="margins"/> (length <see cref="OutputCount"/>); allocation-free.</summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="FeatureCount"/> features, or <paramref name="margins"/> is too short.</exception>
    public void PredictRaw(ReadOnlySpan<double> features, Span<double> margins)
    {
        CheckRow(features, margins);
        Margins(features, margins);
    }

    /// <summary>Writes the transformed outputs of one row (probabilities, class index, …) into <paramref name="output"/>; allocation-free.</summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="FeatureCount"/> features, or <paramref name="output"/> is too short.</exception>
    public void Predict(ReadOnlySpan<double> features, Span<double> output)
    {
        CheckRow(features, output);
        Margins(features, output);
        ApplyTransform(output[..OutputCount]);
    }

    /// <summary>The raw margin of a single-output model.</summary>
    /// <exception cref="InvalidOperationException">The model has several outputs.</exception>
    public double PredictRaw(ReadOnlySpan<double> features)
    {
        Span<double> one = stackalloc double[1];
        RequireSingleOutput();
        PredictRaw(features, one);
        return one[0];
    }

    /// <summary>The transformed output (e.g. the probability) of a single-output model.</summary>
    /// <exception cref="InvalidOperationException">The model has several outputs.</exception>
    public double Predict(ReadOnlySpan<double> features)
    {
        Span<double> one = stackalloc double[1];
        RequireSingleOutput();
        Predict(features, one);
        return one[0];
    }

    /// <summary>
    /// Predicts a row-major batch: <paramref name="rows"/> holds n × <see cref="FeatureCount"/> values and
    /// <paramref name="output"/> receives n × <see cref="OutputCount"/>.
    /// </summary>
    /// <param name="rows">Row-major features.</param>
    /// <param name="output">Row-major outputs.</param>
    /// <param name="raw">Raw margins (true) or transformed outputs (false, the default).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; the default 1 runs on the caller's thread.</param>
    /// <exception cref="ArgumentException">The lengths do not describe whole rows.</exception>
    public void PredictBatch(ReadOnlySpan<double> rows, Span<double> output, bool raw = false, int maxDegreeOfParallelism = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDegreeOfParallelism);
        if (rows.Length % FeatureCount != 0 || output.Length != rows.Length / FeatureCount * OutputCount)
        {
            throw new ArgumentException($"rows ({rows.Length}) must hold whole rows of {FeatureCount} features and output ({output.Length}) {OutputCount} values per row.", nameof(output));
        }

        int n = rows.Length / FeatureCount;
        if (maxDegreeOfParallelism == 1 || n < 1024)
        {
            PredictRange(rows, output, 0, n, raw);
            return;
        }

        unsafe
        {
            fixed (double* rowPointer = rows)
            fixed (double* outPointer = output)
            {
                nint rowsAddress = (nint)rowPointer, outAddress = (nint)outPointer;
                int chunk = (n + (maxDegreeOfParallelism * 4) - 1) / (maxDegreeOfParallelism * 4);
                Parallel.For(0, (n + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, c =>
                {
                    var rowSpan = new ReadOnlySpan<double>((double*)rowsAddress, n * FeatureCount);
                    var outSpan = new Span<double>((double*)outAddress, n * OutputCount);
                    PredictRange(rowSpan, outSpan, c * chunk, Math.Min(n, (c + 1) * chunk), raw);
                });
            }
        }
    }

    /// <summary>Adds the margins of every tree for one row (features already checked) into <paramref name="margins"/>.</summary>
    private protected abstract void Margins(ReadOnlySpan<double> features, Span<double> margins);

    /// <summary>Turns margins into outputs in place.</summary>
    private protected abstract void ApplyTransform(Span<double> margins);

    /// <summary>The margins of rows [from, to) of a row-major batch; a model may override it with a cache-friendlier order.</summary>
    private protected virtual void MarginsRange(ReadOnlySpan<double> rows, Span<double> output, int from, int to)
    {
        for (int r = from; r < to; r++)
        {
            Margins(rows.Slice(r * FeatureCount, FeatureCount), output.Slice(r * OutputCount, OutputCount));
        }
    }

    private void PredictRange(ReadOnlySpan<double> rows, Span<double> output, int from, int to, bool raw)
    {
        MarginsRange(rows, output, from, to);
        if (!raw)
        {
            for (int r = from; r < to; r++)
            {
                ApplyTransform(output.Slice(r * OutputCount, OutputCount));
            }
        }
    }

    private void CheckRow(ReadOnlySpan<double> features, Span<double> output)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"The model expects {FeatureCount} features; the row has {features.Length}.", nameof(features));
        }

        if (output.Length < OutputCount)
        {
            throw new ArgumentException($"The model has {OutputCount} outputs; the destination holds {output.Length}.", nameof(output));
        }
    }

    private void RequireSingleOutput()
    {
        if (OutputCount != 1)
        {
            throw new InvalidOperationException($"The model has {OutputCount} outputs; use the overload with a destination span.");
        }
    }
}
