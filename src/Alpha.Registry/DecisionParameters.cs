using Alpha.Configuration;

namespace Alpha.Registry;

/// <summary>
/// The decision parameters a version's <c>params.yaml</c> holds (DESIGN.md § 6 "Registry"): θ1 and θ2, the candidate
/// band and speed limit, and the exits — what inference needs to decide exactly as the version's backtest did.
/// </summary>
/// <param name="Theta1">θ1: enter only when return_prob &gt; θ1, in [0, 1].</param>
/// <param name="Theta2">θ2: enter only when risk_score &lt; θ2, in [0, 1].</param>
/// <param name="EntryZ">Smallest |z| of a candidate.</param>
/// <param name="EntryMaxZ">Largest |z| of a candidate.</param>
/// <param name="ExitZ">Exit when the entry-fixed |z| falls to this level.</param>
/// <param name="StopZ">Stop when the entry-fixed |z| reaches this level.</param>
/// <param name="MaxHoldingBars">M: bars a position may be held after the decision bar.</param>
/// <param name="MaxSpeed">The AI1 candidate speed limit fitted on the training bars.</param>
public sealed record DecisionParameters(double Theta1, double Theta2, double EntryZ, double EntryMaxZ, double ExitZ, double StopZ, int MaxHoldingBars, double MaxSpeed)
{
    /// <summary>Reads <c>params.yaml</c> of a version folder (verify the folder first: this reads, it does not verify).</summary>
    /// <exception cref="ConfigException">The file is missing, or a key is missing or invalid (named with the file).</exception>
    public static DecisionParameters Read(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ConfigNode p = ConfigNode.Load(folder, ModelFiles.Params);
        return new DecisionParameters(
            p.Number("theta1", 0, 1), p.Number("theta2", 0, 1), p.Number("entry_z", 0), p.Number("entry_max_z", 0),
            p.Number("exit_z", 0), p.Number("stop_z", 0), p.WholeNumber("max_holding_bars", 1), p.Number("max_speed", 0));
    }
}
