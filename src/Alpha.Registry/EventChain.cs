namespace Alpha.Registry;

/// <summary>The hash chain over a model id's events: verifying a stored log and continuing it.</summary>
internal static class EventChain
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>Throws unless every event is in sequence, hashes to its <see cref="RegistryEvent.Hash"/>, links to the one before, and the log reaches the recorded head.</summary>
    /// <exception cref="RegistryLogException">The first thing found wrong.</exception>
    public static void Verify(RegistryLog log)
    {
        string previous = Genesis;
        for (int i = 0; i < log.Events.Length; i++)
        {
            RegistryEvent e = log.Events[i];
            long expected = i + 1;
            if (e.Sequence != expected)
            {
                throw new RegistryLogException(log.ModelId, expected, $"found event {e.Sequence} where event {expected} belongs: an event was removed, inserted or reordered.");
            }

            if (e.ModelId != log.ModelId)
            {
                throw new RegistryLogException(log.ModelId, expected, $"the event belongs to model id '{e.ModelId}'.");
            }

            if (e.PreviousHash != previous)
            {
                throw new RegistryLogException(log.ModelId, expected, "its previous-event hash does not match the event before it: the log was edited.");
            }

            if (RegistryEventJson.HashOf(e) != e.Hash)
            {
                throw new RegistryLogException(log.ModelId, expected, "its content does not match its hash: the event was edited.");
            }

            previous = e.Hash;
        }

        if (log.HeadSequence > log.Events.Length)
        {
            throw new RegistryLogException(log.ModelId, 0, $"the store acknowledged {log.HeadSequence} events but holds {log.Events.Length}: the log was truncated.");
        }

        string headHash = log.HeadSequence == 0 ? Genesis : log.Events[(int)log.HeadSequence - 1].Hash;
        if (headHash != log.HeadHash)
        {
            throw new RegistryLogException(log.ModelId, log.HeadSequence, "the event the store acknowledged last has another hash: the log was rewritten.");
        }
    }

    /// <summary>Chains <paramref name="drafts"/> (hash fields ignored) after <paramref name="log"/>'s last event.</summary>
    public static RegistryEvent[] Continue(RegistryLog log, IEnumerable<RegistryEvent> drafts)
    {
        var chained = new List<RegistryEvent>();
        string previous = log.Events.IsEmpty ? Genesis : log.Events[^1].Hash;
        long sequence = log.Events.Length;
        foreach (RegistryEvent draft in drafts)
        {
            RegistryEvent e = draft with { Sequence = ++sequence, ModelId = log.ModelId, PreviousHash = previous, Hash = "" };
            e = e with { Hash = RegistryEventJson.HashOf(e) };
            chained.Add(e);
            previous = e.Hash;
        }

        return [.. chained];
    }
}
