using Alpha.Boosting.Training;
using Alpha.Boosting.XGBoost;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.MarketData;

namespace Alpha.Training.Tests;

/// <summary>
/// The inner validation set that drives early stopping is weighted as the objective is: class weights move the base
/// rate the boosters fit (here from 20 % to 50 %), and judging the rounds by an unweighted loss would stop them on a
/// criterion the training never optimised.
/// </summary>
public sealed class InnerValidationTests
{
    private static readonly Lazy<Case> s_case = new(Case.Create);

    [Fact]
    public void ValidationRows_CarryTheirTrainingWeights()
    {
        Case c = s_case.Value;
        var trainer = new RecordingTrainer();

        BoosterTraining.Train(trainer, TrainingPolicy.Default.Booster, c.Frame, c.Scaler, c.Samples, c.Weights, TrainingPolicy.Default, null, CancellationToken.None);

        BoosterDataset validation = Assert.IsType<BoosterDataset>(trainer.Validation);
        Assert.True(validation.HasWeights);
        int first = c.Samples.Count - validation.Rows;
        Assert.Equal(c.Weights[first..].Select(w => (float)w), validation.Weights.ToArray());
        Assert.Equal(c.Samples.Skip(first).Select(e => (float)e.Label), validation.Labels.ToArray());
        Assert.True(trainer.Train!.HasWeights);
    }

    [XGBoostFact]
    public void EarlyStoppingScore_IsTheWeightedLogLossOfTheReturnedModel()
    {
        Case c = s_case.Value;
        var trainer = new RecordingTrainer(new XGBoostTrainer());

        BoosterTrainingResult result = BoosterTraining.Train(trainer, TrainingPolicy.Default.Booster, c.Frame, c.Scaler, c.Samples, c.Weights, TrainingPolicy.Default, null, CancellationToken.None);

        // Class weights move the base rate the booster fits from 20 % to 50 %.
        Assert.InRange(c.Samples.Average(e => e.Label), 0.15, 0.25);
        Assert.InRange(c.WeightedPositiveRate, 0.49, 0.51);
        BoosterDataset validation = trainer.Validation!;
        var probabilities = new double[validation.Rows];
        result.LoadModel().PredictBatch([.. validation.Features.ToArray().Select(x => (double)x)], probabilities);
        double weighted = LogLoss(probabilities, validation.Labels, validation.Weights), unweighted = LogLoss(probabilities, validation.Labels, default);
        Assert.Equal(weighted, result.BestScore, 1e-5);
        Assert.True(Math.Abs(unweighted - weighted) > 0.05, $"weighted {weighted}, unweighted {unweighted}");
        Assert.True(result.BestIteration > 0 && result.BestScore < result.History[0].Scores[^1].Value);
    }

    private static double LogLoss(double[] p, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights)
    {
        double sum = 0, total = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            sum -= w * (labels[i] == 1 ? Math.Log(p[i]) : Math.Log(1 - p[i]));
            total += w;
        }

        return sum / total;
    }

    /// <summary>A synthetic pair's features; one sample per ready bar labelled from feature 0 with a 20 % base rate; positives weighted 4×.</summary>
    private sealed record Case(FeatureFrame Frame, RobustScaler Scaler, IReadOnlyList<LabeledEvent> Samples, double[] Weights)
    {
        public double WeightedPositiveRate => Samples.Select((e, i) => e.Label * Weights[i]).Sum() / Weights.Sum();

        public static Case Create()
        {
            (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 11, Bars = 5_000 });
            FeatureFrame frame = PairFeatures.Compute(PairAligner.Align(a, b));
            int[] ready = [.. Enumerable.Range(0, frame.Count).Where(frame.IsReady)];
            RobustScaler scaler = RobustScaler.Fit(frame, ready);
            var random = new Random(5);
            var samples = new List<LabeledEvent>(ready.Length);
            Span<double> row = stackalloc double[FeatureNames.Count];
            foreach (int bar in ready)
            {
                BoosterTraining.ScaledRow(frame, scaler, bar, row);
                double p = 1 / (1 + Math.Exp(-(-1.9 + (0.8 * row[0]))));
                samples.Add(new LabeledEvent(bar, bar, random.NextDouble() < p ? 1 : 0, 1));
            }

            double rate = samples.Average(e => e.Label);
            double[] weights = [.. samples.Select(e => e.Label == 1 ? (1 - rate) / rate : 1.0)];
            return new Case(frame, scaler, samples, weights);
        }
    }

    /// <summary>Records the datasets it is given, and trains with <paramref name="inner"/> (or returns an empty result).</summary>
    private sealed class RecordingTrainer(IBoosterTrainer? inner = null) : IBoosterTrainer
    {
        public BoosterDataset? Train { get; private set; }

        public BoosterDataset? Validation { get; private set; }

        public string Name => "xgboost";

        public ModelFormat Format => ModelFormat.XGBoostJson;

        BoosterTrainingResult IBoosterTrainer.Train(BoosterDataset train, BoosterDataset? validation, BoosterParameters parameters, BoosterTrainingOptions options, IProgress<BoosterIteration>? progress, CancellationToken cancellationToken)
        {
            Train = train;
            Validation = validation;
            return inner?.Train(train, validation, parameters, options, progress, cancellationToken) ?? new BoosterTrainingResult([], Format, 0, 0, 0, []);
        }
    }
}
