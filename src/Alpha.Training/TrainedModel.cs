using System.Globalization;
using Alpha.Backtesting;
using Alpha.Boosting;
using Alpha.Calibration;
using Alpha.Features;
using Alpha.MarketData;
using Alpha.Optimization;
using YamlDotNet.RepresentationModel;

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
    /// <exception cref="InvalidDataException">A checksum does not verify, or a file is malformed (the message says which).</exception>
    public static TrainedModel Load(string folder)
    {
        ModelVerification check = ModelStore.Verify(folder);
        if (!check.IsValid)
        {
            throw new InvalidDataException($"Model {check.Version} does not verify: {string.Join(" ", check.Problems)}");
        }

        string Text(string name) => File.ReadAllText(Path.Combine(folder, name));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Text(ModelFiles.Params)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        double Number(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) && node is YamlScalarNode { Value: string v }
            && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            ? x
            : throw new InvalidDataException($"{ModelFiles.Params}: '{key}' is missing or not a number.");

        var schema = FeatureSchema.FromJson(Text(ModelFiles.FeatureSchema));
        return new TrainedModel(
            check.Version,
            BoostedTreeModel.Load(Path.Combine(folder, ModelFiles.Ai1Model)),
            BoostedTreeModel.Load(Path.Combine(folder, ModelFiles.Ai2Model)),
            CalibratorJson.Read(Text(ModelFiles.Ai1Calibrator)),
            CalibratorJson.Read(Text(ModelFiles.Ai2Calibrator)),
            schema,
            new Theta(Number("theta1"), Number("theta2")),
            Number("max_speed"),
            Number("entry_z"),
            Number("entry_max_z"));
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
        Span<double> raw = stackalloc double[FeatureNames.Count], scaled = stackalloc double[FeatureNames.Count];
        ReadOnlySpan<double> z = frame[PairFeature.Z], speed = frame[PairFeature.Speed];
        for (int i = 0; i < frame.Count; i++)
        {
            returnProbability[i] = riskScore[i] = double.NaN;
            if (!frame.IsReady(i) || Math.Abs(z[i]) < EntryZ || Math.Abs(z[i]) > EntryMaxZ || speed[i] > MaxSpeed)
            {
                continue;
            }

            frame.CopyRow(i, raw);
            Schema.Scale(raw, scaled, Schema.Hash);
            for (int f = 0; f < scaled.Length; f++)
            {
                scaled[f] = (float)scaled[f];
            }

            returnProbability[i] = _calibrator1.Calibrate(_ai1.Predict(scaled));
            riskScore[i] = _calibrator2.Calibrate(_ai2.Predict(scaled));
        }

        return new ScoredPair(PairMarket.From(pair), frame, returnProbability, riskScore, options with { MaxSpeed = double.PositiveInfinity });
    }
}
