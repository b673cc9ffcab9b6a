namespace Alpha.Labeling;

/// <summary>The 3-class horizon label (seed 001's encoding: down 0, range 1, up 2).</summary>
public enum HorizonClass
{
    /// <summary>The future return is below the down threshold.</summary>
    Down = 0,

    /// <summary>Neither threshold is crossed.</summary>
    Range = 1,

    /// <summary>The future return is above the up threshold.</summary>
    Up = 2,
}
