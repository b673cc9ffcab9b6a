using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>What an editor proposes: whole files, values to set, or both (the values are set in the given or current text).</summary>
public sealed record ConfigProposal
{
    /// <summary>New texts by file name (each one of <see cref="PolicyFiles.Names"/>).</summary>
    /// <value>The default is none.</value>
    public ImmutableDictionary<string, string> Files { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Values to set, in order.</summary>
    /// <value>The default is none.</value>
    public ImmutableArray<ConfigEdit> Edits { get; init; } = [];
}
