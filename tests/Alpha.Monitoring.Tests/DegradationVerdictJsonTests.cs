using System.Text.Json;
using Alpha.Monitoring;

namespace Alpha.Monitoring.Tests;

public sealed class DegradationVerdictJsonTests
{
    [Fact]
    public void Write_NamesLevels_AndWritesWhatCouldNotBeComputedAsNull()
    {
        double[] values = [.. Enumerable.Range(0, 500).Select(i => i / 500.0)];
        var distribution = DriftDistribution.Of("z", values);
        var reference = new DriftReference([distribution], distribution, distribution, 0.6, 0.5, 40, 0.5);
        DegradationVerdict verdict = DegradationCheck.Evaluate(reference, new LiveWindow([new LiveCandidate([0.5], 0.5, 0.5, null)], [], []), new MonitoringOptions());

        using JsonDocument json = JsonDocument.Parse(DegradationVerdictJson.Write(verdict));
        JsonElement root = json.RootElement;

        Assert.Equal(("insufficient", false), (root.GetProperty("level").GetString(), root.GetProperty("retrain_recommended").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("psi")[0].GetProperty("psi").ValueKind);
        Assert.Equal(1, root.GetProperty("psi")[0].GetProperty("live_count").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("win_rate").GetProperty("live_rate").ValueKind);
        Assert.Equal(0.6, root.GetProperty("auc").GetProperty("out_of_fold_auc").GetDouble());
        Assert.Equal(["insufficient", "ok", "warn", "alert"], Enum.GetValues<MonitorLevel>().Select(DegradationVerdictJson.Name));
    }
}
