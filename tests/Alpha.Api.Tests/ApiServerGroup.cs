namespace Alpha.Api.Tests;

/// <summary>The tests that share one API server (and so its flags and audit log): they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerGroup : ICollectionFixture<ApiServer>
{
    public const string Name = "api";
}
