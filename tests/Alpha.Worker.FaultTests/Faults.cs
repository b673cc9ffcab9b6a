namespace Alpha.Worker.FaultTests;

/// <summary>The fault tests share the fixture and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class Faults : ICollectionFixture<FaultFixture>
{
    public const string Name = "faults";
}
