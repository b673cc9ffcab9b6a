using Alpha.Signals;
using Alpha.Worker.Tests;

namespace Alpha.Worker.FaultTests;

/// <summary>The trained and deployed AUD/NZD pair, and what an offline <c>alpha replay --as-served</c> of its bars writes.</summary>
public sealed class FaultFixture
{
    public FaultFixture()
    {
        Pair = new DeployedPair();
        string output = Path.Combine(Directory.CreateTempSubdirectory("alpha-fault-replay-").FullName, "replay.jsonl");
        (int code, _, string error) = CliProcess.Run(
            TimeSpan.FromMinutes(5), "replay", "--model", Path.Combine(Pair.ModelsRoot, Pair.Version), "--data", Pair.FileA, Pair.FileB,
            "--config", Pair.Configs, "--model-id", DeployedPair.ModelId, "--as-served", "--out", output);
        Assert.True(code == 0, error);
        ReplayJson = File.ReadAllLines(output);
        Assert.Equal(Pair.ExpectedJson, ReplayJson);
    }

    public DeployedPair Pair { get; }

    /// <summary>The offline replay's signals, one JSON document each, in bar order.</summary>
    public string[] ReplayJson { get; }

    public Signal[] Replay => [.. ReplayJson.Select(j => SignalJson.Parse(System.Text.Encoding.UTF8.GetBytes(j)))];
}
