using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Alpha.Configuration;

/// <summary>
/// One YAML mapping of a configuration file (policies, the model catalogue, universe, costs, drawdown levels), read
/// strictly: every key asked for must be present and valid, and <see cref="Close"/> refuses keys nobody asked for (a
/// misspelt key is an error, never a silent default). Every problem is a <see cref="ConfigException"/> naming the file
/// and the dotted key.
/// </summary>
public sealed class ConfigNode
{
    private readonly YamlMappingNode _mapping;
    private readonly HashSet<string> _read = [];

    private ConfigNode(string file, string path, YamlMappingNode mapping)
    {
        File = file;
        Path = path;
        _mapping = mapping;
    }

    /// <summary>The file name, as errors name it.</summary>
    public string File { get; }

    /// <summary>The dotted key path of this mapping (empty for the file's top level).</summary>
    public string Path { get; }

    /// <summary>Reads <paramref name="fileName"/> in <paramref name="directory"/>: one YAML document whose top level is a mapping.</summary>
    /// <exception cref="ConfigException">The file is missing, not YAML, or not a mapping.</exception>
    public static ConfigNode Load(string directory, string fileName)
    {
        string path = System.IO.Path.Combine(directory, fileName);
        if (!System.IO.File.Exists(path))
        {
            throw new ConfigException(fileName, "", $"not found in {System.IO.Path.GetFullPath(directory)}.");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ConfigException(fileName, "", $"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException(fileName, "", "expected one YAML document whose top level is a mapping of keys.");
        }

        return new ConfigNode(fileName, "", root);
    }

    /// <summary>A required nested mapping.</summary>
    public ConfigNode Section(string key) => Node(key) is YamlMappingNode m
        ? new ConfigNode(File, Key(key), m)
        : throw Error(key, "must be a mapping of keys.");

    /// <summary>A required list of mappings.</summary>
    public IReadOnlyList<ConfigNode> Sections(string key) => Node(key) is YamlSequenceNode s
        ? [.. s.Children.Select((c, i) => c is YamlMappingNode m ? new ConfigNode(File, $"{Key(key)}[{i}]", m) : throw Error($"{key}[{i}]", "must be a mapping of keys."))]
        : throw Error(key, "must be a list.");

    /// <summary>The keys of this mapping, in file order (reading none of them).</summary>
    public IEnumerable<string> Keys => _mapping.Children.Keys.Select(KeyName);

    /// <summary>Whether the key is present (reading nothing).</summary>
    public bool Has(string key) => _mapping.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>A required finite number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double Number(string key, double min = double.MinValue, double max = double.MaxValue)
    {
        string text = Scalar(key);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw Error(key, $"'{text}' is not a finite number.");
        }

        return value >= min && value <= max ? value : throw Error(key, OutOfRange(text, min, max));
    }

    /// <summary>A required integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int WholeNumber(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        string text = Scalar(key);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw Error(key, $"'{text}' is not an integer.");
        }

        return value >= min && value <= max ? value : throw Error(key, $"{value} is outside [{min}, {max}].");
    }

    /// <summary>An integer, or null when the value is <c>auto</c>.</summary>
    public int? WholeNumberOrAuto(string key) => Scalar(key) == "auto" ? null : WholeNumber(key);

    /// <summary>A required <c>true</c> or <c>false</c>.</summary>
    public bool Bool(string key) => Scalar(key) switch
    {
        "true" => true,
        "false" => false,
        string text => throw Error(key, $"'{text}' is not true or false."),
    };

    /// <summary>A required non-empty value, one of <paramref name="allowed"/> when any are given.</summary>
    public string Text(string key, params string[] allowed)
    {
        string text = Scalar(key);
        return allowed.Length == 0 || allowed.Contains(text) ? text : throw Error(key, $"'{text}' is not one of {string.Join(", ", allowed)}.");
    }

    /// <summary>A pair written as a two-element list, low ≤ high.</summary>
    public (double Low, double High) Range(string key, double min = double.MinValue, double max = double.MaxValue)
    {
        if (Node(key) is not YamlSequenceNode { Children.Count: 2 } s || s.Children[0] is not YamlScalarNode lo || s.Children[1] is not YamlScalarNode hi)
        {
            throw Error(key, "must be a list of two numbers [low, high].");
        }

        double Parse(YamlScalarNode n) => double.TryParse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= min && v <= max
            ? v
            : throw Error(key, $"'{n.Value}' is not a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].");
        (double low, double high) = (Parse(lo), Parse(hi));
        return low <= high ? (low, high) : throw Error(key, $"low {low.ToString(CultureInfo.InvariantCulture)} is above high {high.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <summary>Accepts <paramref name="key"/> without reading it: a section that this run does not use (the other booster's parameters).</summary>
    public void Ignore(string key) => _read.Add(key);

    /// <summary>Refuses keys that were never read (misspellings, keys from another file).</summary>
    public void Close()
    {
        foreach (YamlNode k in _mapping.Children.Keys)
        {
            string name = KeyName(k);
            if (!_read.Contains(name))
            {
                throw Error(name, "unknown key.");
            }
        }
    }

    /// <summary>The error for a key of this mapping.</summary>
    public ConfigException Error(string key, string problem) => new(File, Key(key), problem);

    private static string OutOfRange(string text, double min, double max) => (min, max) switch
    {
        (0, double.MaxValue) => $"{text} is negative; it must be non-negative.",
        (_, double.MaxValue) => $"{text} is below the minimum {min.ToString(CultureInfo.InvariantCulture)}.",
        (double.MinValue, _) => $"{text} is above the maximum {max.ToString(CultureInfo.InvariantCulture)}.",
        _ => $"{text} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].",
    };

    // A key that is not a plain scalar (a YAML mapping used as a key) can match no setting: named as written.
    private static string KeyName(YamlNode key) => key is YamlScalarNode { Value: string name } ? name : key.ToString();

    private string Key(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private YamlNode Node(string key)
    {
        _read.Add(key);
        return _mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : throw Error(key, "missing (every policy key is required; there are no silent defaults).");
    }

    private string Scalar(string key) => Node(key) is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw Error(key, "must be a single value.");
}
