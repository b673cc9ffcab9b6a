namespace Alpha.MarketData.Tests;

/// <summary>Declares the non-parallel collection of this assembly (see <see cref="Sequential"/>).</summary>
[CollectionDefinition(Sequential.Name, DisableParallelization = true)]
public sealed class SequentialTests;
