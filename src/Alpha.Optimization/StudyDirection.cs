namespace Alpha.Optimization;

/// <summary>Whether a study looks for the smallest or the largest objective value.</summary>
public enum StudyDirection
{
    /// <summary>Smaller is better.</summary>
    Minimize,

    /// <summary>Larger is better.</summary>
    Maximize,
}
