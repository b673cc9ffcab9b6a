namespace Alpha.TestUtils;

/// <summary>
/// The seed every property test starts from (<c>[Property(Replay = PropertySeed.Replay)]</c>): a run is reproducible,
/// the same cases every time and on every machine. On failure FsCheck prints the case's own
/// <c>Replay (seed,gamma,size)</c>; paste it into <c>Replay</c> to run just that case again.
/// </summary>
public static class PropertySeed
{
    /// <summary>FsCheck's replay string: (seed, gamma); gamma is odd, as SplitMix needs.</summary>
    public const string Replay = "(20261207,1442695040888963407)";
}
