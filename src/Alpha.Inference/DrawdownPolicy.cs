using Alpha.Configuration;

namespace Alpha.Inference;

/// <summary>
/// <c>dd_policy.yaml</c> (DESIGN.md § 4, § 6): drawdown levels per pair (the engine's equity) and for the portfolio
/// (the worker's global equity); each with <c>warn</c>, <c>warn_scale</c>, <c>halt</c> and <c>flatten</c>.
/// </summary>
/// <param name="Pair">DD_*_PAIR: the levels each pair engine applies to its own equity.</param>
/// <param name="Global">DD_WARN / DD_HALT / DD_FLATTEN across every pair a host serves.</param>
public sealed record DrawdownPolicy(DrawdownLevels Pair, DrawdownLevels Global)
{
    /// <summary>The file name.</summary>
    public const string File = "dd_policy.yaml";

    /// <summary>Reads <c>dd_policy.yaml</c> in <paramref name="folder"/>.</summary>
    /// <exception cref="ConfigException">The file or a key is missing or invalid (warn ≤ halt ≤ flatten, each in (0, 1]).</exception>
    public static DrawdownPolicy Load(string folder)
    {
        ConfigNode root = ConfigNode.Load(folder, File);
        var policy = new DrawdownPolicy(Levels(root.Section("pair")), Levels(root.Section("global")));
        root.Close();
        return policy;
    }

    private static DrawdownLevels Levels(ConfigNode n)
    {
        var levels = new DrawdownLevels
        {
            Warn = n.Number("warn", 0, 1),
            WarnScale = n.Number("warn_scale", 0, 1),
            Halt = n.Number("halt", 0, 1),
            Flatten = n.Number("flatten", 0, 1),
        };
        n.Close();
        try
        {
            levels.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            string key = e.ParamName switch { nameof(DrawdownLevels.WarnScale) => "warn_scale", string p => p.ToLowerInvariant(), null => "" };
            throw n.Error(key, e.Message.Split(" (Parameter", 2)[0]);
        }

        return levels;
    }
}
