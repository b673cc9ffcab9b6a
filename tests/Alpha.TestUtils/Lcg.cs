namespace Alpha.TestUtils;

/// <summary>
/// The 64-bit LCG (Knuth's MMIX constants) that the Python golden generators use too: the same seed gives the same
/// doubles bit for bit in both languages, so golden files need not store their inputs.
/// </summary>
public sealed class Lcg(ulong seed)
{
    private const ulong Multiplier = 6364136223846793005UL;
    private const ulong Increment = 1442695040888963407UL;
    private ulong _state = unchecked((seed * Multiplier) + Increment);

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double Next()
    {
        _state = unchecked((_state * Multiplier) + Increment);
        return (_state >> 11) * (1.0 / 9007199254740992.0);
    }
}
