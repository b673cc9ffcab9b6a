namespace Alpha.Monitoring;

/// <summary>How serious a measurement is, in increasing order.</summary>
public enum MonitorLevel
{
    /// <summary>Too few observations to judge (below the rule's minimum window or count).</summary>
    Insufficient = 0,

    /// <summary>Within its thresholds.</summary>
    Ok = 1,

    /// <summary>Beyond its warning threshold.</summary>
    Warn = 2,

    /// <summary>Beyond its alert threshold: retraining is called for.</summary>
    Alert = 3,
}
