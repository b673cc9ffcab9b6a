namespace Alpha.TestUtils;

/// <summary>
/// The name of the xunit collection for tests that measure the whole process (retained memory): it runs alone,
/// after the parallel tests, so other tests' allocations cannot blur the measurement. Put
/// <c>[Collection(Sequential.Name)]</c> on the test class and declare the collection once per test assembly with
/// <c>[CollectionDefinition(Sequential.Name, DisableParallelization = true)]</c>.
/// </summary>
public static class Sequential
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Sequential";
}
