using Alpha.Configuration;
using Alpha.Labeling;

namespace Alpha.Training;

/// <summary>Reads a <see cref="Labeling.Threshold"/> from a policy file.</summary>
internal static class ThresholdConfig
{
    /// <summary>A threshold written as <c>{ quantile: 0.9 }</c> or <c>{ value: 0.12 }</c>.</summary>
    public static Threshold Threshold(this ConfigNode node, string key)
    {
        ConfigNode t = node.Section(key);
        bool quantile = t.Has("quantile"), absolute = t.Has("value");
        if (quantile == absolute)
        {
            throw node.Error(key, "must hold exactly one of 'quantile' (a training-window quantile) or 'value' (an absolute threshold).");
        }

        string which = quantile ? "quantile" : "value";
        double level = t.Number(which);
        try
        {
            Threshold result = quantile ? Labeling.Threshold.Quantile(level) : Labeling.Threshold.Absolute(level);
            t.Close();
            return result;
        }
        catch (ArgumentException e)
        {
            throw t.Error(which, PolicyKeys.Problem(e));
        }
    }
}
