using System.Collections.Immutable;
using Alpha.Boosting;
using Alpha.Calibration;
using Alpha.Features;
using Alpha.Registry;
using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>
/// The built-in <c>pair-gbdt</c> kind: AI1 (return_prob) and AI2 (risk_score) boosters of a version, scored with
/// Alpha.Boosting's managed evaluator on the 17 pair features scaled by the version's own scaler, calibrated by its
/// calibrators; θ1, θ2 and the trading rules from its <c>params.yaml</c>. Overrides: <c>theta1</c>, <c>theta2</c>.
/// </summary>
public sealed class PairGbdtKind : IPredictorKind
{
    /// <summary>The kind's catalogue name.</summary>
    public const string KindName = "pair-gbdt";

    /// <inheritdoc/>
    public string Name => KindName;

    /// <inheritdoc/>
    public ImmutableSortedDictionary<string, (double Min, double Max)> AllowedOverrides { get; } =
        ImmutableSortedDictionary.CreateRange(new Dictionary<string, (double, double)> { ["theta1"] = (0, 1), ["theta2"] = (0, 1) });

    /// <inheritdoc/>
    public IPredictor Load(ModelDefinition definition, VerifiedVersion version)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(version);
        string folder = version.Folder;
        DecisionParameters p = DecisionParameters.Read(folder);
        var rules = new TradingRules
        {
            EntryZ = p.EntryZ, EntryMaxZ = p.EntryMaxZ, MaxSpeed = p.MaxSpeed, ExitZ = p.ExitZ, StopZ = p.StopZ, MaxHoldingBars = p.MaxHoldingBars,
        };
        var trading = new TradingOutputs(definition.Override("theta1", p.Theta1), definition.Override("theta2", p.Theta2), rules);
        return new PairGbdtPredictor(
            version.Verification.Version,
            FeatureSchema.FromJson(File.ReadAllText(Path.Combine(folder, ModelFiles.FeatureSchema))),
            BoostedTreeModel.Load(ModelFiles.FindBooster(folder, "ai1")),
            BoostedTreeModel.Load(ModelFiles.FindBooster(folder, "ai2")),
            CalibratorJson.Read(File.ReadAllText(Path.Combine(folder, ModelFiles.Ai1Calibrator))),
            CalibratorJson.Read(File.ReadAllText(Path.Combine(folder, ModelFiles.Ai2Calibrator))),
            trading);
    }
}
