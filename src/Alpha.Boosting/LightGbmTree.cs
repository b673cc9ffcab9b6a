namespace Alpha.Boosting;

/// <summary>One parsed LightGBM tree block (Tree=…), before compilation.</summary>
internal sealed class LightGbmTree
{
    public int[] SplitFeature { get; init; } = [];

    public double[] Threshold { get; init; } = [];

    public byte[] DecisionType { get; init; } = [];

    public int[] LeftChild { get; init; } = [];

    public int[] RightChild { get; init; } = [];

    public double[] LeafValue { get; init; } = [];

    public int[] CatBoundaries { get; init; } = [];

    public uint[] CatThreshold { get; init; } = [];

    public bool IsLinear { get; init; }

    public double[] LeafConst { get; init; } = [];

    public int[][] LeafFeatures { get; init; } = [];

    public double[][] LeafCoefficients { get; init; } = [];
}
