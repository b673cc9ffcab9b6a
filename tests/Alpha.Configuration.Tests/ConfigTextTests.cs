using System.Collections.Immutable;
using Alpha.Configuration;

namespace Alpha.Configuration.Tests;

public sealed class ConfigTextTests
{
    private const string Policy = """
        # core policy
        theta:
          theta1_range: [0.60, 0.85]   # AI1 threshold range
          initial: { theta1: 0.70, theta2: 0.35 }
        stress:
          - kind: latency
            bars: 1
          - kind: cost_multiplier
            factor: 2
        name: "quoted value"
        """;

    [Fact]
    public void Values_NameEveryLeafByItsDottedKey()
    {
        ImmutableSortedDictionary<string, string> values = ConfigText.Values("core_policy.yaml", Policy);

        Assert.Equal(
            ["name", "stress[0].bars", "stress[0].kind", "stress[1].factor", "stress[1].kind", "theta.initial.theta1", "theta.initial.theta2", "theta.theta1_range"],
            values.Keys);
        Assert.Equal("[0.60, 0.85]", values["theta.theta1_range"]);
        Assert.Equal("quoted value", values["name"]);
        Assert.Equal("2", values["stress[1].factor"]);
    }

    [Fact]
    public void Replace_ChangesOneValue_AndKeepsEveryOtherByte()
    {
        string replaced = ConfigText.Replace("core_policy.yaml", Policy, "theta.theta1_range", "[0.55, 0.90]");

        Assert.Equal(Policy.Replace("[0.60, 0.85]", "[0.55, 0.90]", StringComparison.Ordinal), replaced);
        Assert.Equal(
            Policy.Replace("theta1: 0.70", "theta1: 0.72", StringComparison.Ordinal),
            ConfigText.Replace("core_policy.yaml", Policy, "theta.initial.theta1", "0.72"));
        Assert.Equal(
            Policy.Replace("factor: 2", "factor: 3", StringComparison.Ordinal),
            ConfigText.Replace("core_policy.yaml", Policy, "stress[1].factor", "3"));
    }

    [Theory]
    [InlineData("theta.theta3_range", "[0.1, 0.2]", "no such key")]
    [InlineData("stress[2].kind", "latency", "no such key")]
    [InlineData("theta", "1", "set the keys inside it one by one")]
    [InlineData("theta.initial.theta1", "0.7, theta2: 0.1", "is not one YAML value here")]
    [InlineData("theta.initial.theta1", "0.7, theta3: 0.1", "is not one YAML value here")]
    [InlineData("theta.theta1_range", "[0.6, 0.9], x: [1]", "is not one YAML value here")]
    [InlineData("theta.initial.theta1", "0.7\nextra: 1", "one line")]
    [InlineData("theta.theta1_range", "", "one line")]
    [InlineData("theta.theta1_range", "# comment", "one line")]
    public void Replace_RefusesWhatIsNotOneValueOfAnExistingKey(string key, string value, string expected)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => ConfigText.Replace("core_policy.yaml", Policy, key, value));

        Assert.Equal(("core_policy.yaml", key), (e.File, e.Key));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: [1, 2", "invalid YAML")]
    [InlineData("- 1\n- 2", "top level is a mapping")]
    [InlineData("a: 1\n---\nb: 2", "top level is a mapping")]
    public void Values_RefuseWhatIsNotOneMapping(string text, string expected)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => ConfigText.Values("x.yaml", text));

        Assert.Equal("x.yaml", e.File);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_RefuseAliasesThatMultiplyOneAnother_InsteadOfExpandingThem()
    {
        string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(0, 8).Select(i =>
            $"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i)}", 10))}]\n"));

        ConfigException e = Assert.Throws<ConfigException>(() => ConfigText.Values("laughs.yaml", laughs));

        Assert.Contains("more than 100000 values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sha256_IsOfTheUtf8Bytes() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ConfigText.Sha256("abc"));
}
