namespace Alpha.Inference;

/// <summary>Where fills come from (a Redis stream); a message that is not a fill goes to the source's dead letters.</summary>
public interface IFillSource
{
    /// <summary>Adds the fills available now, waiting at most the source's poll interval when there are none.</summary>
    ValueTask ReadAsync(ICollection<Fill> fills, CancellationToken cancellationToken);
}
