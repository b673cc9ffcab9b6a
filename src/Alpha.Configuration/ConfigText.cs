using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Alpha.Configuration;

/// <summary>
/// A configuration file as text, for changing it under review: its values as dotted keys (to diff two versions) and a
/// value replaced in place (comments, order and layout kept). Keys are the ones <see cref="ConfigNode"/> errors name:
/// <c>theta.theta1_range</c>, <c>stress[0].kind</c>; a list of plain values (a range) is one value.
/// </summary>
public static class ConfigText
{
    /// <summary>The most characters a configuration file may have: 1 MiB.</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>The most values a configuration file may hold: 100,000 (aliases that multiply one another are refused, not expanded).</summary>
    public const int MaxValues = 100_000;

    /// <summary>Every value of <paramref name="text"/> by dotted key, each as its YAML text (a list of plain values as <c>[a, b]</c>).</summary>
    /// <param name="file">The file's name, for errors.</param>
    /// <param name="text">The file's text: one YAML document whose top level is a mapping.</param>
    /// <exception cref="ConfigException">The text is too long, not YAML, not a mapping, or holds more than <see cref="MaxValues"/> values.</exception>
    public static ImmutableSortedDictionary<string, string> Values(string file, string text)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        int budget = MaxValues;
        Collect(file, Root(file, text), "", values, ref budget);
        return values.ToImmutable();
    }

    /// <summary>
    /// <paramref name="text"/> with the value at <paramref name="key"/> replaced by <paramref name="value"/> (YAML text,
    /// e.g. <c>0.7</c> or <c>[0.55, 0.9]</c>), everything else byte for byte as it was.
    /// </summary>
    /// <exception cref="ConfigException">The key is not in the file, or the new value is not one YAML value, or the result does not parse.</exception>
    public static string Replace(string file, string text, string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        YamlNode node = Find(file, Root(file, text), key);
        if (node is not (YamlScalarNode or YamlSequenceNode { Style: SequenceStyle.Flow }))
        {
            throw new ConfigException(file, key, "only a single value or a [list] written on one line can be replaced; set the keys inside it one by one.");
        }

        if (value.Length == 0 || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal) || value.TrimStart().StartsWith('#'))
        {
            throw new ConfigException(file, key, "the new value must be one YAML value on one line.");
        }

        // A collection's end mark is not kept by the representation model: a one-line list ends at the ']' after its last item.
        int start = (int)node.Start.Index;
        int end = node is YamlSequenceNode list
            ? text.IndexOf(']', list.Children.Count == 0 ? start : (int)list.Children[^1].End.Index) + 1
            : (int)node.End.Index;
        string replaced = string.Concat(text.AsSpan(0, start), value.Trim(), text.AsSpan(end));
        ImmutableSortedDictionary<string, string> after;
        try
        {
            after = Values(file, replaced);
        }
        catch (ConfigException e)
        {
            throw new ConfigException(file, key, $"'{value}' is not one YAML value here: {e.Message}");
        }

        ImmutableSortedDictionary<string, string> before = Values(file, text);
        bool onlyThatKey = after.Keys.Where(k => !Within(k, key)).SequenceEqual(before.Keys.Where(k => !Within(k, key)), StringComparer.Ordinal)
            && after.Where(p => !Within(p.Key, key)).All(p => before[p.Key] == p.Value);
        if (!onlyThatKey || !after.Keys.Any(k => Within(k, key)))
        {
            throw new ConfigException(file, key, $"'{value}' is not one YAML value here: it would change more than this key.");
        }

        return replaced;
    }

    /// <summary>The text's lowercase hex SHA-256 (of its UTF-8 bytes).</summary>
    public static string Sha256(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static bool Within(string candidate, string key) =>
        candidate == key || (candidate.StartsWith(key, StringComparison.Ordinal) && candidate.Length > key.Length && candidate[key.Length] is '.' or '[');

    private static YamlMappingNode Root(string file, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ConfigException(file, "", $"longer than {MaxLength} characters.");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigException(file, "", $"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new ConfigException(file, "", $"invalid YAML: {e.Message}");      // a key twice in one mapping
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new ConfigException(file, "", "expected one YAML document whose top level is a mapping of keys.");
    }

    private static void Collect(string file, YamlNode node, string path, ImmutableSortedDictionary<string, string>.Builder values, ref int budget)
    {
        if (--budget < 0)
        {
            throw new ConfigException(file, path, $"more than {MaxValues} values (aliases that expand one another?).");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach ((YamlNode k, YamlNode v) in mapping.Children)
                {
                    string name = k is YamlScalarNode { Value: { } s } ? s : k.ToString();
                    Collect(file, v, path.Length == 0 ? name : $"{path}.{name}", values, ref budget);
                }

                break;
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                values[path] = $"[{string.Join(", ", sequence.Children.Select(c => ((YamlScalarNode)c).Value))}]";
                break;
            case YamlSequenceNode sequence:
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    Collect(file, sequence.Children[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), values, ref budget);
                }

                break;
            case YamlScalarNode scalar:
                values[path] = scalar.Value ?? "";
                break;
            default:
                values[path] = node.ToString();
                break;
        }
    }

    private static YamlNode Find(string file, YamlMappingNode root, string key)
    {
        YamlNode node = root;
        foreach (string part in key.Split('.'))
        {
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? part : part[..bracket];
            node = node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(name), out YamlNode? child)
                ? child
                : throw new ConfigException(file, key, "no such key in the file.");
            for (int b = bracket; b >= 0; b = part.IndexOf('[', b + 1))
            {
                int close = part.IndexOf(']', b);
                node = close > b && int.TryParse(part.AsSpan(b + 1, close - b - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                    && node is YamlSequenceNode s && index < s.Children.Count
                    ? s.Children[index]
                    : throw new ConfigException(file, key, "no such key in the file.");
            }
        }

        return node;
    }
}
