namespace Alpha.Sizing;

/// <summary>Slippage is multiplied by <paramref name="Multiplier"/> for fills whose UTC time of day lies in [<paramref name="From"/>, <paramref name="To"/>).</summary>
/// <param name="From">Start of the window (UTC time of day).</param>
/// <param name="To">End of the window, exclusive; a window may wrap past midnight (From &gt; To).</param>
/// <param name="Multiplier">The factor (e.g. 2 in the thin hours around the daily roll).</param>
public sealed record SlippageWindow(TimeSpan From, TimeSpan To, double Multiplier)
{
    internal bool Contains(TimeSpan timeOfDay) => From <= To ? timeOfDay >= From && timeOfDay < To : timeOfDay >= From || timeOfDay < To;
}
