using System.Text.Json;
using Alpha.Backtesting;
using Alpha.Optimization;
using Alpha.Registry;

namespace Alpha.Training;

/// <summary>The model in service before this run: its θ (stabilisation starts from it) and its backtest (the adoption comparison).</summary>
/// <param name="Version">Its model version.</param>
/// <param name="Theta">Its thresholds.</param>
/// <param name="Sharpe">Its backtest Sharpe ratio.</param>
/// <param name="MaxDrawdown">Its backtest maximum drawdown (fraction of the peak).</param>
public sealed record DeployedModel(string Version, Theta Theta, double Sharpe, double MaxDrawdown)
{
    /// <summary>Reads a stored version (checksums verified): θ from <c>params.yaml</c>, Sharpe and MaxDD from <c>metrics.json</c>.</summary>
    /// <exception cref="ModelVerificationException">The version does not verify.</exception>
    /// <exception cref="InvalidDataException">Its metrics lack the backtest.</exception>
    public static DeployedModel Load(string folder)
    {
        ModelVerification check = VerifiedFolder.Ensure(folder);
        DecisionParameters p = DecisionParameters.Read(folder);
        var theta = new Theta(p.Theta1, p.Theta2);
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ModelFiles.Metrics)));
        if (!metrics.RootElement.TryGetProperty("backtest", out JsonElement backtest)
            || backtest.GetProperty("sharpe").ValueKind != JsonValueKind.Number || backtest.GetProperty("max_drawdown").ValueKind != JsonValueKind.Number)
        {
            throw new InvalidDataException($"{ModelFiles.Metrics} of {check.Version} has no backtest Sharpe and MaxDD.");
        }

        return new DeployedModel(check.Version, theta, backtest.GetProperty("sharpe").GetDouble(), backtest.GetProperty("max_drawdown").GetDouble());
    }

    internal DeployedBaseline Baseline => new(Sharpe, MaxDrawdown);
}
