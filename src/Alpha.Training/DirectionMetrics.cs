using System.Collections.Immutable;
using Alpha.Calibration;

namespace Alpha.Training;

/// <summary>
/// Cross-fitted metrics of the 3-class direction model (classes in <see cref="Alpha.Labeling.HorizonClass"/> order:
/// down, range, up), each beside the class-frequency baseline — the model that predicts the sample's class shares for
/// every bar.
/// </summary>
/// <param name="Samples">Out-of-fold samples.</param>
/// <param name="ClassCounts">Samples per class (down, range, up).</param>
/// <param name="LogLoss">
/// Multiclass log loss as scikit-learn computes it: each row's probabilities clipped to [ε, 1 − ε] (ε = float64's machine
/// epsilon) and renormalised, then the mean of −ln p(true class).
/// </param>
/// <param name="BaselineLogLoss">The class-frequency baseline's log loss (the entropy of the class shares).</param>
/// <param name="Accuracy">Share of samples whose most probable class is the true one.</param>
/// <param name="BaselineAccuracy">The majority class's share.</param>
/// <param name="Auc">One-vs-rest ROC AUC per class; NaN for a class absent from the samples (or the only one).</param>
/// <param name="ConfusionMatrix">Counts by true class (row) and most probable class (column).</param>
public sealed record DirectionMetrics(
    int Samples,
    ImmutableArray<int> ClassCounts,
    double LogLoss,
    double BaselineLogLoss,
    double Accuracy,
    double BaselineAccuracy,
    ImmutableArray<double> Auc,
    ImmutableArray<ImmutableArray<int>> ConfusionMatrix)
{
    /// <summary>The classes' names, in label order.</summary>
    public static ImmutableArray<string> ClassNames { get; } = ["down", "range", "up"];

    /// <summary>The metrics of <paramref name="probabilities"/> (n × 3, rows summing to 1) against <paramref name="labels"/> (0, 1 or 2).</summary>
    /// <exception cref="ArgumentException">The sizes disagree, there is no sample, a label is outside [0, 2], or a probability is not finite.</exception>
    public static DirectionMetrics Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities)
    {
        const int K = 3;
        int n = labels.Length;
        if (n == 0 || probabilities.Length != n * K)
        {
            throw new ArgumentException($"Need n ≥ 1 labels and n × 3 probabilities (got {n} and {probabilities.Length}).", nameof(probabilities));
        }

        var counts = new int[K];
        var confusion = new int[K, K];
        double logLoss = 0;
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            int y = labels[i];
            if ((uint)y >= K)
            {
                throw new ArgumentException($"labels[{i}] is {y}, not 0, 1 or 2.", nameof(labels));
            }

            ReadOnlySpan<double> p = probabilities.Slice(i * K, K);
            int predicted = 0;
            for (int c = 0; c < K; c++)
            {
                if (!double.IsFinite(p[c]))
                {
                    throw new ArgumentException($"probabilities[{i}, {c}] is {p[c]}.", nameof(probabilities));
                }

                predicted = p[c] > p[predicted] ? c : predicted;
            }

            counts[y]++;
            confusion[y, predicted]++;
            correct += predicted == y ? 1 : 0;
            double sum = 0;
            for (int c = 0; c < K; c++)
            {
                sum += Clipped(p[c]);
            }

            logLoss -= Math.Log(Clipped(p[y]) / sum);
        }

        double baseline = -counts.Where(c => c > 0).Sum(c => (double)c / n * Math.Log((double)c / n));
        var auc = ImmutableArray.CreateBuilder<double>(K);
        var isClass = new double[n];
        var score = new double[n];
        for (int c = 0; c < K; c++)
        {
            for (int i = 0; i < n; i++)
            {
                (isClass[i], score[i]) = (labels[i] == c ? 1 : 0, probabilities[(i * K) + c]);
            }

            auc.Add(counts[c] is 0 || counts[c] == n ? double.NaN : ClassificationMetrics.RocAuc(isClass, score));
        }

        return new DirectionMetrics(
            n, [.. counts], logLoss / n, baseline, (double)correct / n, (double)counts.Max() / n, auc.MoveToImmutable(),
            [.. Enumerable.Range(0, K).Select(r => Enumerable.Range(0, K).Select(c => confusion[r, c]).ToImmutableArray())]);
    }

    // float64's machine epsilon (numpy.finfo(float).eps), scikit-learn's clip for log loss.
    private const double MachineEpsilon = 2.220446049250313e-16;

    private static double Clipped(double p) => Math.Clamp(p, MachineEpsilon, 1 - MachineEpsilon);
}
