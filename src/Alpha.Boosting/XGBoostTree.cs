namespace Alpha.Boosting;

/// <summary>One parsed XGBoost tree (JSON arrays), before compilation; a leaf's value is its split_condition.</summary>
internal sealed class XGBoostTree
{
    public int[] Left { get; init; } = [];

    public int[] Right { get; init; } = [];

    public int[] SplitIndex { get; init; } = [];

    public float[] SplitCondition { get; init; } = [];

    public bool[] DefaultLeft { get; init; } = [];

    /// <summary>Categorical nodes and their category sets.</summary>
    public Dictionary<int, int[]> Categories { get; init; } = [];
}
