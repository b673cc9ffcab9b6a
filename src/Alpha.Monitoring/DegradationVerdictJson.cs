using System.Buffers;
using System.Text.Json;

namespace Alpha.Monitoring;

/// <summary>
/// A <see cref="DegradationVerdict"/> as JSON for stores and APIs: snake_case keys, levels as lowercase names, every
/// number that could not be computed (an insufficient window) as null.
/// </summary>
public static class DegradationVerdictJson
{
    /// <summary>The verdict's UTF-8 JSON bytes.</summary>
    public static byte[] Write(DegradationVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("level", Name(verdict.Level));
            w.WriteBoolean("retrain_recommended", verdict.RetrainRecommended);
            w.WriteStartArray("findings");
            foreach (Finding f in verdict.Findings)
            {
                w.WriteStartObject();
                w.WriteString("rule", f.Rule);
                w.WriteString("subject", f.Subject);
                w.WriteString("level", Name(f.Level));
                JsonNumbers.WriteOrNull(w, "value", f.Value);
                JsonNumbers.WriteOrNull(w, "threshold", f.Threshold);
                w.WriteString("detail", f.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("psi");
            foreach (PsiResult p in verdict.Psi)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                JsonNumbers.WriteOrNull(w, "psi", p.Psi);
                JsonNumbers.WriteOrNull(w, "critical_value", p.CriticalValue);
                w.WriteNumber("live_count", p.LiveCount);
                w.WriteString("level", Name(p.Level));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("mean_shifts");
            foreach (MeanShiftResult s in verdict.MeanShifts)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                JsonNumbers.WriteOrNull(w, "shift", s.Shift);
                JsonNumbers.WriteOrNull(w, "live_mean", s.LiveMean);
                JsonNumbers.WriteOrNull(w, "reference_mean", s.ReferenceMean);
                w.WriteString("level", Name(s.Level));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WinRateResult r = verdict.WinRate;
            w.WriteStartObject("win_rate");
            w.WriteNumber("wins", r.Wins);
            w.WriteNumber("trades", r.Trades);
            JsonNumbers.WriteOrNull(w, "live_rate", r.LiveRate);
            JsonNumbers.WriteOrNull(w, "wilson_low", r.WilsonLow);
            JsonNumbers.WriteOrNull(w, "wilson_high", r.WilsonHigh);
            JsonNumbers.WriteOrNull(w, "backtest_rate", r.BacktestRate);
            JsonNumbers.WriteOrNull(w, "gap", r.Gap);
            w.WriteString("level", Name(r.Level));
            w.WriteEndObject();
            AucResult a = verdict.Auc;
            w.WriteStartObject("auc");
            JsonNumbers.WriteOrNull(w, "live_auc", a.LiveAuc);
            JsonNumbers.WriteOrNull(w, "out_of_fold_auc", a.OutOfFoldAuc);
            JsonNumbers.WriteOrNull(w, "drop", a.Drop);
            w.WriteNumber("labelled", a.Labelled);
            w.WriteNumber("positives", a.Positives);
            w.WriteString("level", Name(a.Level));
            w.WriteEndObject();
            PassRateResult p2 = verdict.PassRate;
            w.WriteStartObject("pass_rate");
            w.WriteNumber("passed", p2.Passed);
            w.WriteNumber("candidates", p2.Candidates);
            JsonNumbers.WriteOrNull(w, "rate", p2.Rate);
            JsonNumbers.WriteOrNull(w, "low", p2.Low);
            JsonNumbers.WriteOrNull(w, "high", p2.High);
            w.WriteString("level", Name(p2.Level));
            w.WriteEndObject();
            RiskStreakResult s2 = verdict.RiskStreak;
            w.WriteStartObject("risk_streak");
            w.WriteNumber("longest", s2.Longest);
            w.WriteNumber("current", s2.Current);
            w.WriteNumber("bars", s2.Bars);
            w.WriteString("level", Name(s2.Level));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A level's name as written: insufficient, ok, warn, alert.</summary>
    public static string Name(MonitorLevel level) => level switch
    {
        MonitorLevel.Insufficient => "insufficient",
        MonitorLevel.Ok => "ok",
        MonitorLevel.Warn => "warn",
        MonitorLevel.Alert => "alert",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a monitoring level."),
    };
}
