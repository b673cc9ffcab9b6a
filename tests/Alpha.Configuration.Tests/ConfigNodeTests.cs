using Alpha.Configuration;

namespace Alpha.Configuration.Tests;

public sealed class ConfigNodeTests
{
    private static ConfigNode Load(string yaml)
    {
        string folder = Directory.CreateTempSubdirectory("alpha-config-").FullName;
        File.WriteAllText(Path.Combine(folder, "x.yaml"), yaml);
        return ConfigNode.Load(folder, "x.yaml");
    }

    [Fact]
    public void TypedValues_AreRead_AndBadOnesNameFileAndKey()
    {
        ConfigNode root = Load("a:\n  n: 0.5\n  i: 3\n  b: true\n  s: lightgbm\n  r: [0.6, 0.85]\n  auto: auto\n");
        ConfigNode a = root.Section("a");
        Assert.Equal((0.5, 3, true, "lightgbm", (0.6, 0.85), (int?)null), (a.Number("n", 0, 1), a.WholeNumber("i"), a.Bool("b"), a.Text("s", "lightgbm", "xgboost"), a.Range("r"), a.WholeNumberOrAuto("auto")));
        a.Close();

        ConfigException e = Assert.Throws<ConfigException>(() => a.Number("n", 0.6, 1));
        Assert.Equal(("x.yaml", "a.n"), (e.File, e.Key));
        Assert.StartsWith("x.yaml: a.n: 0.5 is outside", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: {n: .nan}\n", "a.n", "is not a finite number")]
    [InlineData("a: {n: 1e999}\n", "a.n", "is not a finite number")]
    [InlineData("a: {b: yes}\n", "a.b", "is not true or false")]
    [InlineData("a: {r: [2, 1]}\n", "a.r", "is above high")]
    [InlineData("a: {}\n", "a.n", "missing")]
    public void BadValues_AreTypedErrors(string yaml, string key, string problem)
    {
        ConfigNode a = Load(yaml).Section("a");
        ConfigException e = Assert.ThrowsAny<ConfigException>(() =>
        {
            object value = key.EndsWith('b') ? a.Bool("b") : key.EndsWith('r') ? a.Range("r").Low : a.Number("n");
        });
        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_IsRefusedByClose()
    {
        ConfigNode root = Load("window: 180\nwindwo: 20\n");
        root.WholeNumber("window");
        Assert.Equal("windwo", Assert.Throws<ConfigException>(root.Close).Key);
    }

    [Theory]
    [InlineData("a: [1, 2\n", "invalid YAML at line")]
    [InlineData("- 1\n- 2\n", "top level is a mapping")]
    public void UnreadableFile_IsATypedError(string yaml, string problem) =>
        Assert.Contains(problem, Assert.Throws<ConfigException>(() => Load(yaml)).Message, StringComparison.Ordinal);

    [Fact]
    public void MissingFile_NamesTheFolder() =>
        Assert.Contains("not found in", Assert.Throws<ConfigException>(() => ConfigNode.Load(Path.GetTempPath(), "absent.yaml")).Message, StringComparison.Ordinal);
}
