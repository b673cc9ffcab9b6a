using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpha.Inference;

/// <summary>
/// Wires <c>dd_policy.yaml</c> into the operator flags (DESIGN.md § 6): after each poll, a pair whose drawdown reached a
/// per-pair level, or a portfolio whose drawdown reached a global level, has the level's flags raised in the flag stores
/// (warn → leverage scale <c>warn_scale</c>; halt → soft halt; flatten → flatten), on the pair's entry or on
/// (<c>*</c>, <c>*</c>). Raised flags stay until an operator clears them (a resume), so a breach is visible and survives
/// restarts; an engine also applies the per-pair levels itself at the bar that crosses them.
/// </summary>
/// <remarks>
/// The portfolio is every engine this worker has served since it started: its equity is the sum of their last equities
/// (an engine whose shard moved to another worker keeps its last one), and its peak the running peak of that sum, which
/// starts from the sum of the engines' own peaks as each joins. With one engine it is that engine's own drawdown.
/// </remarks>
public sealed partial class DrawdownGuard
{
    private readonly DrawdownPolicy _policy;
    private readonly LiveOpsFlags _flags;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string ModelId, string PairId), double> _equity = [];
    private readonly List<(string ModelId, string PairId, OpsFlags Flags, string Actor)> _due = [];
    private double _portfolio;
    private double _peak;

    /// <summary>Creates the guard.</summary>
    public DrawdownGuard(DrawdownPolicy policy, LiveOpsFlags flags, ILogger<DrawdownGuard>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(flags);
        policy.Pair.Validate();
        policy.Global.Validate();
        (_policy, _flags) = (policy, flags);
        _logger = logger ?? NullLogger<DrawdownGuard>.Instance;
    }

    /// <summary>The portfolio's drawdown from its running peak at the last check, as a fraction of the peak.</summary>
    public double PortfolioDrawdown
    {
        get
        {
            lock (_gate)
            {
                return _peak > 0 ? Math.Max(0, 1 - (_portfolio / _peak)) : 0;
            }
        }
    }

    /// <summary>Takes the engines' equities after a poll and raises the flags of every level newly reached.</summary>
    /// <param name="engines">Engines whose bars were just processed (a shard's; the others keep their last equities).</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task CheckAsync(IReadOnlyList<PairEngine> engines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engines);
        OpsFlagTable table = _flags.Current ?? OpsFlagTable.Empty;
        (string, string, OpsFlags, string)[] due;
        lock (_gate)
        {
            _due.Clear();
            foreach (PairEngine engine in engines)
            {
                if (double.IsNaN(engine.Equity))
                {
                    continue;     // restored, not yet marked at a bar
                }

                (string model, string pair) = (engine.Options.ModelId, engine.Options.PairId);
                if (_equity.TryGetValue((model, pair), out double last))
                {
                    _portfolio += engine.Equity - last;
                }
                else
                {
                    (_portfolio, _peak) = (_portfolio + engine.Equity, _peak + engine.EquityPeak);
                }

                _equity[(model, pair)] = engine.Equity;
                Due(table, model, pair, _policy.Pair, engine.Drawdown, "pair");
            }

            _peak = Math.Max(_peak, _portfolio);
            Due(table, OpsFlagTable.Any, OpsFlagTable.Any, _policy.Global, _peak > 0 ? Math.Max(0, 1 - (_portfolio / _peak)) : 0, "global");
            if (_due.Count == 0)
            {
                return;     // the usual case: nothing newly reached, nothing allocated
            }

            due = [.. _due];
        }

        foreach ((string model, string pair, OpsFlags flags, string actor) in due)
        {
            LogRaised(_logger, model, pair, actor);
            await _flags.RaiseAsync(model, pair, flags, actor, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Due(OpsFlagTable table, string model, string pair, DrawdownLevels levels, double drawdown, string scope)
    {
        OpsFlags flags = levels.FlagsAt(drawdown);
        OpsFlags current = table.Entries.TryGetValue((model, pair), out OpsFlags f) ? f : OpsFlags.Normal;
        if (flags != OpsFlags.Normal && !current.Covers(flags))
        {
            string level = flags.Flatten ? "flatten" : flags.SoftHalt ? "halt" : "warn";
            double threshold = flags.Flatten ? levels.Flatten : flags.SoftHalt ? levels.Halt : levels.Warn;
            _due.Add((model, pair, flags, string.Create(CultureInfo.InvariantCulture, $"dd_policy: {scope} drawdown {drawdown:P2} reached {level} {threshold:P2}")));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drawdown: flags raised on {ModelId}|{PairId} ({Reason})")]
    private static partial void LogRaised(ILogger logger, string modelId, string pairId, string reason);
}
