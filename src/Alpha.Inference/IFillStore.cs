namespace Alpha.Inference;

/// <summary>Where fills are kept (<c>core.live_trades</c>); storing a fill already kept changes nothing.</summary>
public interface IFillStore
{
    /// <summary>Stores the fills, in one transaction.</summary>
    ValueTask StoreAsync(IReadOnlyList<Fill> fills, CancellationToken cancellationToken);
}
