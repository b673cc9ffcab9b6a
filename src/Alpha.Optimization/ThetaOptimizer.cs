using System.Collections.Immutable;

namespace Alpha.Optimization;

/// <summary>
/// The θ1/θ2 entry-threshold search of DESIGN.md § 5. The objective is annual return − 2.0·max(0, MaxDD − 0.12)
/// − 0.10·AI2 false-positive rate; the trade minimum of the scope is a hard constraint with a 20 % in-sample margin
/// (a θ that trades less is infeasible, never the best). The search checks the loosest corner (lowest θ1, highest
/// θ2) — if even it is infeasible, it moves to percentile ranges of the candidates' probabilities (adaptive range) or
/// reports that no θ is feasible — then evaluates a 6 × 6 grid and continues with TPE until the trial budget or 15
/// TPE trials without improvement. The new θ is stabilised toward the previous one (0.7/0.3, at most 0.03 per
/// threshold, on the 0.01 grid), kept out when it trades below the minimum, and adopted only when the lower bound
/// of a block-bootstrap 95 % interval of its objective improvement is above zero. Seeded and reproducible.
/// </summary>
public static class ThetaOptimizer
{
    /// <summary>The search objective of one evaluation (infeasibility is separate).</summary>
    public static double Objective(double annualReturn, double maxDrawdown, double falsePositiveRate, ThetaSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return annualReturn - (options.DrawdownPenalty * Math.Max(0, maxDrawdown - options.DrawdownLimit)) - (options.FalsePositivePenalty * falsePositiveRate);
    }

    /// <summary>Runs the search.</summary>
    /// <param name="evaluate">Backtests one θ (called at most once per distinct θ).</param>
    /// <param name="candidateReturnProbabilities">Calibrated return_prob on the candidate bars (for the adaptive range).</param>
    /// <param name="candidateRiskScores">Calibrated risk_score on the candidate bars (adaptive range and pass rate).</param>
    /// <param name="previous">The θ in use, or null for the first search.</param>
    /// <param name="options">Settings (the trade minimum is required).</param>
    /// <param name="cancellationToken">Checked between evaluations.</param>
    /// <exception cref="ArgumentException">Probabilities outside [0, 1].</exception>
    /// <exception cref="InvalidOperationException">The evaluator returned a non-finite number.</exception>
    public static ThetaSearchResult Optimize(
        Func<Theta, ThetaEvaluation> evaluate,
        ReadOnlySpan<double> candidateReturnProbabilities,
        ReadOnlySpan<double> candidateRiskScores,
        Theta? previous,
        ThetaSearchOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CheckProbabilities(candidateReturnProbabilities, nameof(candidateReturnProbabilities));
        CheckProbabilities(candidateRiskScores, nameof(candidateRiskScores));
        var search = new Search(evaluate, options, cancellationToken);
        var reasons = ImmutableArray.CreateBuilder<string>();
        (double, double) range1 = (options.Theta1Low, options.Theta1High), range2 = (options.Theta2Low, options.Theta2High);
        bool adaptive = false;

        if (!search.Evaluate(new Theta(range1.Item1, range2.Item2), "corner").Feasible)
        {
            reasons.Add($"Even the loosest corner θ = ({range1.Item1:F2}, {range2.Item2:F2}) trades fewer than {options.InSampleMargin} × {options.MinTradesPerYear} a year.");
            if (options.AdaptiveRange && candidateReturnProbabilities.Length > 0 && candidateRiskScores.Length > 0)
            {
                range1 = Outward(candidateReturnProbabilities, options.AdaptiveTheta1Quantiles, options.Step);
                range2 = Outward(candidateRiskScores, options.AdaptiveTheta2Quantiles, options.Step);
                adaptive = true;
                reasons.Add($"Adaptive range: θ1 ∈ [{range1.Item1:F2}, {range1.Item2:F2}] (return_prob q{options.AdaptiveTheta1Quantiles.Low:F2}–q{options.AdaptiveTheta1Quantiles.High:F2}), θ2 ∈ [{range2.Item1:F2}, {range2.Item2:F2}] (risk_score q{options.AdaptiveTheta2Quantiles.Low:F2}–q{options.AdaptiveTheta2Quantiles.High:F2}).");
            }

            if (!adaptive || !search.Evaluate(new Theta(range1.Item1, range2.Item2), "corner").Feasible)
            {
                reasons.Add($"No feasible θ: nothing trades enough; {(previous is null ? "no θ is chosen" : "the previous θ is kept")}.");
                return Result(search, null, previous, previous, false, reasons, adaptive, range1, range2, true, null, candidateRiskScores, options);
            }
        }

        ThetaTrial? best = search.Run(range1, range2);
        if (best is null)
        {
            reasons.Add("No feasible θ found by the search.");
            return Result(search, null, previous, previous, false, reasons, adaptive, range1, range2, true, null, candidateRiskScores, options);
        }

        reasons.Add($"Best θ = ({best.Theta.Theta1:F2}, {best.Theta.Theta2:F2}) with objective {best.Objective:F4} after {search.Trials.Count} evaluations.");
        if (previous is not Theta old)
        {
            reasons.Add("No previous θ: θ is set to the best θ.");
            return Result(search, best, null, best.Theta, true, reasons, adaptive, range1, range2, false, null, candidateRiskScores, options);
        }

        Theta stabilised = Stabilise(old, best.Theta, options);
        ThetaTrial candidate = search.Evaluate(stabilised, "stabilised");
        reasons.Add($"Stabilised θ = ({stabilised.Theta1:F2}, {stabilised.Theta2:F2}) from ({old.Theta1:F2}, {old.Theta2:F2}).");
        if (candidate.Evaluation.TradesPerYear < options.MinTradesPerYear)
        {
            reasons.Add($"The stabilised θ trades {candidate.Evaluation.TradesPerYear:F1} a year, below the minimum {options.MinTradesPerYear}: the previous θ is kept.");
            return Result(search, best, old, old, false, reasons, adaptive, range1, range2, false, null, candidateRiskScores, options);
        }

        ThetaTrial current = search.Evaluate(old, "previous");
        (double lower, double upper) interval = BlockBootstrap.ImprovementInterval(candidate.Evaluation, current.Evaluation, options);
        bool adopt = interval.lower > 0 && stabilised != old;
        reasons.Add($"Bootstrap {options.BootstrapConfidence:P0} interval of the objective improvement: [{interval.lower:F4}, {interval.upper:F4}] → {(adopt ? "θ changed to the stabilised θ" : "θ kept (the previous θ)")}.");
        return Result(search, best, old, adopt ? stabilised : old, adopt, reasons, adaptive, range1, range2, false, interval, candidateRiskScores, options);
    }

    /// <summary>θ_new = (1 − w)·θ_old + w·θ_best, each threshold moved at most MaxChange, on the step grid.</summary>
    internal static Theta Stabilise(Theta old, Theta best, ThetaSearchOptions options)
    {
        double Move(double from, double to)
        {
            double blended = ((1 - options.SmoothingWeight) * from) + (options.SmoothingWeight * to);
            double limited = Math.Clamp(blended, from - options.MaxChange, from + options.MaxChange);
            return OnGrid(limited, options.Step);
        }

        return new Theta(Move(old.Theta1, best.Theta1), Move(old.Theta2, best.Theta2));
    }

    private static double OnGrid(double value, double step) => Math.Round(Math.Round(value / step) * step, 10);

    // Percentile range rounded outward to the step, within [0, 1].
    private static (double, double) Outward(ReadOnlySpan<double> values, (double Low, double High) quantiles, double step)
    {
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        double low = Math.Max(0, Math.Round(Math.Floor((SortedQuantile.Linear(sorted, quantiles.Low) / step) + 1e-9) * step, 10));
        double high = Math.Min(1, Math.Round(Math.Ceiling((SortedQuantile.Linear(sorted, quantiles.High) / step) - 1e-9) * step, 10));
        return (low, Math.Max(low, high));
    }

    private static ThetaSearchResult Result(Search search, ThetaTrial? best, Theta? previous, Theta? chosen, bool adopted, ImmutableArray<string>.Builder reasons, bool adaptive, (double, double) range1, (double, double) range2, bool infeasible, (double, double)? interval, ReadOnlySpan<double> riskScores, ThetaSearchOptions options)
    {
        double passRate = double.NaN;
        string? warning = null;
        if (chosen is Theta theta && riskScores.Length > 0)
        {
            int passed = 0;
            foreach (double r in riskScores)
            {
                passed += r < theta.Theta2 ? 1 : 0;
            }

            passRate = (double)passed / riskScores.Length;
            if (passRate < options.PassRateBand.Low || passRate > options.PassRateBand.High)
            {
                warning = $"AI2 pass rate {passRate:P1} at θ2 = {theta.Theta2:F2} is outside {options.PassRateBand.Low:P0}–{options.PassRateBand.High:P0}.";
            }
        }

        return new ThetaSearchResult([.. search.Trials], best, previous, chosen, adopted, reasons.ToImmutable(), adaptive, range1, range2, infeasible, interval, passRate, warning);
    }

    private static void CheckProbabilities(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= 0 && values[i] <= 1))
            {
                throw new ArgumentException($"{name}[{i}] is {values[i]}; probabilities must lie in [0, 1].", name);
            }
        }
    }

    // The evaluations (each distinct θ once) and the grid + TPE study.
    private sealed class Search(Func<Theta, ThetaEvaluation> evaluate, ThetaSearchOptions options, CancellationToken cancellationToken)
    {
        private readonly Dictionary<Theta, ThetaTrial> _cache = [];

        public List<ThetaTrial> Trials { get; } = [];

        public ThetaTrial Evaluate(Theta theta, string stage)
        {
            theta = new Theta(OnGrid(theta.Theta1, options.Step), OnGrid(theta.Theta2, options.Step));
            if (_cache.TryGetValue(theta, out ThetaTrial? known))
            {
                return known;
            }

            cancellationToken.ThrowIfCancellationRequested();
            ThetaEvaluation e = evaluate(theta) ?? throw new InvalidOperationException($"The evaluator returned nothing for θ = {theta}.");
            if (!double.IsFinite(e.AnnualReturn) || !double.IsFinite(e.MaxDrawdown) || !double.IsFinite(e.TradesPerYear) || !double.IsFinite(e.FalsePositiveRate) || e.TradeReturns.IsDefault || e.TradeReturns.Any(r => !double.IsFinite(r)))
            {
                throw new InvalidOperationException($"The evaluation of θ = ({theta.Theta1}, {theta.Theta2}) has a non-finite number.");
            }

            var trial = new ThetaTrial(theta, Objective(e.AnnualReturn, e.MaxDrawdown, e.FalsePositiveRate, options), e.TradesPerYear >= options.InSampleMargin * options.MinTradesPerYear, e, stage);
            _cache[theta] = trial;
            Trials.Add(trial);
            return trial;
        }

        public ThetaTrial? Run((double Low, double High) range1, (double Low, double High) range2)
        {
            SearchSpace space = SearchSpace.Empty
                .Add("theta1", new FloatParameter(range1.Low, range1.High, range1.High > range1.Low ? options.Step : null))
                .Add("theta2", new FloatParameter(range2.Low, range2.High, range2.High > range2.Low ? options.Step : null));
            var study = new Study(space, new TpeSampler(options.Tpe, options.Seed), new StudyOptions
            {
                Direction = StudyDirection.Maximize, MaxTrials = options.MaxTrials, Patience = options.Patience,
            });
            int grid = 0;
            foreach (double t1 in Axis(range1))
            {
                foreach (double t2 in Axis(range2))
                {
                    study.Enqueue(new Dictionary<string, double> { ["theta1"] = t1, ["theta2"] = t2 });
                    grid++;
                }
            }

            TrialRecord? best = study.Optimize(
                trial =>
                {
                    ThetaTrial t = Evaluate(new Theta(trial.GetValue("theta1"), trial.GetValue("theta2")), trial.Number < grid ? "grid" : "tpe");
                    trial.ReportConstraint(Math.Max(0, (options.InSampleMargin * options.MinTradesPerYear) - t.Evaluation.TradesPerYear));
                    return t.Objective;
                },
                cancellationToken).Best;
            return best is null ? null : _cache[new Theta(OnGrid(best.Parameters["theta1"], options.Step), OnGrid(best.Parameters["theta2"], options.Step))];
        }

        // The coarse grid: GridPointsPerAxis points spanning the range, on the step grid, without repeats.
        private IEnumerable<double> Axis((double Low, double High) range)
        {
            int n = options.GridPointsPerAxis;
            return Enumerable.Range(0, n)
                .Select(i => OnGrid(range.Low + ((range.High - range.Low) * i / (n - 1)), options.Step))
                .Select(v => Math.Clamp(v, range.Low, range.High))
                .Distinct();
        }
    }
}
