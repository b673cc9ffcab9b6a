using Alpha.Inference;

namespace Alpha.TestUtils;

/// <summary>A real engine checkpoint (AUD/NZD, flat, after a stop-out) at a chosen watermark, for the stores' tests.</summary>
public static class SampleCheckpoints
{
    /// <summary>The checkpoint with its watermark at <paramref name="watermark"/> (ISO 8601 UTC), bar <paramref name="index"/>.</summary>
    public static EngineCheckpoint At(string watermark, int index) => CheckpointJson.Parse(System.Text.Encoding.UTF8.GetBytes(
        $$"""{"model_id":"audnzd-h4","pair_id":"AUDUSD-NZDUSD","model_version":"20261207_1913_607dd21","watermark":"{{watermark}}","watermark_index":{{index}},"segment":3,"segment_start":"2009-12-27T20:00:00Z","segment_start_index":3734,"position":{"cash":985974.284693,"position":null,"pending_entry":null,"pending_exit":null},"entry_return_prob":0.23396880415944551,"entry_risk_score":0.0789793438639125,"equity_peak":1027908.8558649999}"""));
}
