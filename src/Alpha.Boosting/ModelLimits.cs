namespace Alpha.Boosting;

/// <summary>
/// Bounds on what a model file may declare. Real models sit far below them; a file above them is refused at load,
/// so no count read from a file can size an allocation beyond them or overflow an index.
/// </summary>
internal static class ModelLimits
{
    /// <summary>Feature columns (a row of the model's inputs).</summary>
    public const int MaxFeatures = 1 << 24;

    /// <summary>Outputs per row: classes, or trees per iteration.</summary>
    public const int MaxOutputs = 10_000;

    /// <summary>Largest category of a categorical split, exclusive (2^20: categories are exact in float32 and a set's bitset stays at 128 KiB).</summary>
    public const int MaxCategory = 1 << 20;

    /// <summary>32-bit words of one categorical split's bitset.</summary>
    public const int MaxCategoryWords = MaxCategory / 32;
}
