using Alpha.Backtesting;
using Alpha.Boosting;
using Alpha.Boosting.Training;
using Alpha.Calibration;
using Alpha.Features;
using Alpha.MarketData;
using Alpha.Optimization;
using Alpha.Registry;

namespace Alpha.Training;

/// <summary>
/// A model version loaded for offline use (backtests, θ re-optimisation): its checksums verified first, then the
/// boosters (managed evaluator), calibrators, feature schema and decision parameters.
/// </summary>
public sealed class TrainedModel
{
    private readonly BoostedTreeModel _ai1;
    private readonly BoostedTreeModel _ai2;
    private readonly IProbabilityCalibrator _calibrator1;
    private readonly IProbabilityCalibrator _calibrator2;

    private TrainedModel(string version, BoostedTreeModel ai1, BoostedTreeModel ai2, IProbabilityCalibrator calibrator1, IProbabilityCalibrator calibrator2, FeatureSchema schema, Theta theta, double maxSpeed, double entryZ, double entryMaxZ)
    {
        Version = version;
        _ai1 = ai1;
        _ai2 = ai2;
        _calibrator1 = calibrator1;
        _calibrator2 = calibrator2;
        Schema = schema;
        Theta = theta;
        MaxSpeed = maxSpeed;
        EntryZ = entryZ;
        EntryMaxZ = entryMaxZ;
    }

    /// <summary>The model version (the folder name).</summary>
    public string Version { get; }

    /// <summary>Feature windows and scaler.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>The thresholds the model ships with.</summary>
    public Theta Theta { get; }

    /// <summary>The AI1 candidate speed limit.</summary>
    public double MaxSpeed { get; }

    /// <summary>Smallest |z| of a candidate.</summary>
    public double EntryZ { get; }

    /// <summary>Largest |z| of a candidate.</summary>
    public double EntryMaxZ { get; }

    /// <summary>Loads a version folder after verifying every checksum.</summary>
    /// <exception cref="ModelVerificationException">A checksum does not verify.</exception>
    /// <exception cref="InvalidDataException">A file is malformed (the message says which).</exception>
    /// <exception cref="Configuration.ConfigException"><c>params.yaml</c> lacks a key or has an invalid one.</exception>
    public static TrainedModel Load(string folder)
    {
        ModelVerification check = VerifiedFolder.Ensure(folder);
        DecisionParameters p = DecisionParameters.Read(folder);
        return new TrainedModel(
            check.Version,
            BoostedTreeModel.Load(ModelFiles.FindBooster(folder, "ai1")),
            BoostedTreeModel.Load(ModelFiles.FindBooster(folder, "ai2")),
            CalibratorJson.Read(File.ReadAllText(Path.Combine(folder, ModelFiles.Ai1Calibrator))),
            CalibratorJson.Read(File.ReadAllText(Path.Combine(folder, ModelFiles.Ai2Calibrator))),
            FeatureSchema.FromJson(File.ReadAllText(Path.Combine(folder, ModelFiles.FeatureSchema))),
            new Theta(p.Theta1, p.Theta2),
            p.MaxSpeed,
            p.EntryZ,
            p.EntryMaxZ);
    }

    /// <summary>
    /// Scores a pair: features with the model's windows, scaled with its scaler, and calibrated AI1/AI2 probabilities at
    /// every candidate bar (ready, entry_z ≤ |z| ≤ entry_max_z, speed ≤ the model's limit).
    /// </summary>
    public ScoredPair Score(AlignedPair pair, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(options);
        FeatureFrame frame = PairFeatures.Compute(pair, Schema.Windows);
        double[] returnProbability = new double[frame.Count], riskScore = new double[frame.Count];
        Span<double> row = stackalloc double[FeatureNames.Count];
        ReadOnlySpan<double> z = frame[PairFeature.Z], speed = frame[PairFeature.Speed];
        for (int i = 0; i < frame.Count; i++)
        {
            returnProbability[i] = riskScore[i] = double.NaN;
            if (!frame.IsReady(i) || Math.Abs(z[i]) < EntryZ || Math.Abs(z[i]) > EntryMaxZ || speed[i] > MaxSpeed)
            {
                continue;
            }

            BoosterTraining.ScaledRow(frame, Schema.Scaler, i, row);
            returnProbability[i] = _calibrator1.Calibrate(_ai1.Predict(row));
            riskScore[i] = _calibrator2.Calibrate(_ai2.Predict(row));
        }

        return new ScoredPair(PairMarket.From(pair), frame, returnProbability, riskScore, options with { Rules = options.Rules with { MaxSpeed = double.PositiveInfinity } });
    }
}
