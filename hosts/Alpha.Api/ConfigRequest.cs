using System.Collections.Immutable;
using Alpha.Operations;

namespace Alpha.Api;

/// <summary>A validation or a proposal: whole files (<see cref="Files"/>), values to set (<see cref="Edits"/>), or both; a proposal's reason.</summary>
internal sealed record ConfigRequest(string? Reason, ConfigFileText[]? Files, ConfigEdit[]? Edits)
{
    public ConfigProposal ToProposal()
    {
        var files = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (ConfigFileText file in Files ?? [])
        {
            if (file is null || !files.TryAdd(file.Name ?? "", file.Text ?? ""))
            {
                throw new OperationRefusedException(OpsRefusal.Invalid, $"files: each file once, with a name and a text ('{file?.Name}' is not).");
            }
        }

        return new ConfigProposal { Files = files.ToImmutable(), Edits = [.. Edits ?? []] };
    }
}
