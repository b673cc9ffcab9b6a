using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Alpha.TestUtils;

/// <summary>
/// Seeded mutations of a model file, as a fuzzer would make them: truncation, flipped bytes, spliced chunks, numbers
/// turned huge, negative, NaN or infinite, and tree children pointed back up the tree. The same seed gives the same
/// mutant.
/// </summary>
public static partial class ModelMutator
{
    private static readonly string[] s_numbers =
    [
        "0", "-1", "-2", "1e308", "-1e308", "1e-320", "2147483647", "2147483648", "-2147483648", "4294967296", "99999999999999999999",
        "5000000", "NaN", "nan", "inf", "-inf", "Infinity", "1.5", "-0", "3",
    ];

    /// <summary>The kinds of mutation, in the order <see cref="Mutate"/> cycles through them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["truncate", "flip", "splice", "number", "children", "line"];

    /// <summary>Mutation number <paramref name="index"/> of <paramref name="model"/> under <paramref name="seed"/>; <paramref name="kind"/> says which kind it was.</summary>
    public static byte[] Mutate(byte[] model, int seed, int index, out string kind)
    {
        ArgumentNullException.ThrowIfNull(model);
        var random = new Random(HashCode.Combine(seed, index));
        kind = Kinds[index % Kinds.Count];
        return kind switch
        {
            "truncate" => model[..random.Next(model.Length)],
            "flip" => Flip(model, random),
            "splice" => Splice(model, random),
            "number" => Encoding.UTF8.GetBytes(ReplaceNumbers(Encoding.UTF8.GetString(model), random)),
            "children" => Encoding.UTF8.GetBytes(RewireChildren(Encoding.UTF8.GetString(model), random)),
            _ => Encoding.UTF8.GetBytes(EditLine(Encoding.UTF8.GetString(model), random)),
        };
    }

    private static byte[] Flip(byte[] model, Random random)
    {
        byte[] mutant = [.. model];
        for (int k = random.Next(1, 9); k > 0; k--)
        {
            mutant[random.Next(mutant.Length)] ^= (byte)(1 << random.Next(8));
        }

        return mutant;
    }

    private static byte[] Splice(byte[] model, Random random)
    {
        int from = random.Next(model.Length), length = random.Next(1, Math.Min(4096, model.Length - from) + 1), to = random.Next(model.Length);
        return [.. model[..to], .. model[from..(from + length)], .. model[to..]];
    }

    private static string ReplaceNumbers(string text, Random random)
    {
        MatchCollection numbers = NumberPattern().Matches(text);
        if (numbers.Count == 0)
        {
            return text;
        }

        var edits = new SortedDictionary<int, (int Length, string Value)>();
        for (int k = random.Next(1, 4); k > 0; k--)
        {
            Match m = numbers[random.Next(numbers.Count)];
            edits[m.Index] = (m.Length, s_numbers[random.Next(s_numbers.Length)]);
        }

        return Apply(text, edits);
    }

    // One entry of a children list (LightGBM left_child/right_child, XGBoost left_children/right_children) set to
    // another node: often the node itself, the root or a node above it, which makes a loop.
    private static string RewireChildren(string text, Random random)
    {
        MatchCollection lists = ChildrenPattern().Matches(text);
        if (lists.Count == 0)
        {
            return text;
        }

        Match list = lists[random.Next(lists.Count)];
        Group values = list.Groups["values"];
        MatchCollection entries = IntegerPattern().Matches(values.Value);
        if (entries.Count == 0)
        {
            return text;
        }

        int k = random.Next(entries.Count);
        int target = random.Next(3) switch { 0 => 0, 1 => k, _ => random.Next(Math.Max(1, k + 1)) };
        return Apply(text, new SortedDictionary<int, (int, string)> { [values.Index + entries[k].Index] = (entries[k].Length, target.ToString(CultureInfo.InvariantCulture)) });
    }

    private static string EditLine(string text, Random random)
    {
        var lines = new List<string>(text.Split('\n'));
        int i = random.Next(lines.Count);
        switch (random.Next(3))
        {
            case 0:
                lines.RemoveAt(i);
                break;
            case 1:
                lines.Insert(random.Next(lines.Count), lines[i]);
                break;
            default:
                lines[i] = lines[i] + new string('7', random.Next(1, 100_000));
                break;
        }

        return string.Join('\n', lines);
    }

    private static string Apply(string text, SortedDictionary<int, (int Length, string Value)> edits)
    {
        var result = new StringBuilder(text.Length + 64);
        int at = 0;
        foreach ((int index, (int length, string value)) in edits)
        {
            if (index < at)
            {
                continue;
            }

            result.Append(text, at, index - at).Append(value);
            at = index + length;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(left_child|right_child|left_children|right_children)""?\s*[=:]\s*\[?(?<values>[-\d ,]*)")]
    private static partial Regex ChildrenPattern();

    [GeneratedRegex(@"-?\d+")]
    private static partial Regex IntegerPattern();
}
