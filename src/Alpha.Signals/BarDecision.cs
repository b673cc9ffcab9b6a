namespace Alpha.Signals;

/// <summary>What <see cref="PositionMachine.AtClose"/> decided at a bar's close.</summary>
public enum BarDecision
{
    /// <summary>Nothing: flat without a candidate, holding without an exit, waiting for a fill, or a bar outside a segment.</summary>
    None,

    /// <summary>A candidate entry the model's decision did not allow.</summary>
    EntryDeclined,

    /// <summary>An allowed candidate for which sizing produced no order (<see cref="PositionMachine.LastRejection"/> says why).</summary>
    EntryRejected,

    /// <summary>An entry, filled at the next bar's open (<see cref="PositionMachine.PendingEntry"/>).</summary>
    EntryDecided,

    /// <summary>An exit, filled at the next bar's open (<see cref="PositionMachine.PendingExit"/>).</summary>
    ExitDecided,
}
