namespace Alpha.Worker.Tests;

/// <summary>The worker tests share one trained, deployed pair and run one after another (each starts worker processes).</summary>
[CollectionDefinition(Name)]
public sealed class DeployedPairTests : ICollectionFixture<DeployedPair>
{
    public const string Name = "deployed pair";
}
