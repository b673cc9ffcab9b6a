using System.Collections.Immutable;
using System.Globalization;

namespace Alpha.TestUtils;

/// <summary>What a <see cref="MutationRun"/> saw.</summary>
/// <param name="Cases">Mutants asked for.</param>
/// <param name="Refused">Refused with the typed exception.</param>
/// <param name="Accepted">Loaded and exercised without an exception (a mutation can leave a valid model).</param>
/// <param name="Unexpected">Cases that threw anything else, one line each.</param>
/// <param name="Hang">The case that ran past its time limit, if any (the run stopped there).</param>
/// <param name="Elapsed">How long the run took.</param>
public sealed record MutationReport(int Cases, int Refused, int Accepted, ImmutableArray<string> Unexpected, string? Hang, TimeSpan Elapsed)
{
    /// <summary>True when every case was refused with the typed exception or accepted, and none hung.</summary>
    public bool IsClean => Unexpected.IsEmpty && Hang is null && Refused + Accepted == Cases;

    /// <inheritdoc/>
    public override string ToString()
    {
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{Cases} cases: {Refused} refused (typed), {Accepted} accepted, {Unexpected.Length} other exceptions, {(Hang is null ? "0 hangs" : "a hang")} in {Elapsed.TotalSeconds:0.0} s");
        return summary + (Hang is null ? "" : $"\n  {Hang}") + string.Concat(Unexpected.Take(20).Select(u => "\n  " + u));
    }
}
