namespace Alpha.MarketData;

/// <summary>
/// Incremental alignment of two legs (DESIGN.md § 5 and § 6 "Inference"): bars of either leg arrive in any
/// interleaving (each leg in time order) and final aligned bars come out in order, exactly as
/// <see cref="PairAligner"/> builds them over arrays — which runs this state. A union bar is final once both legs
/// have a bar at or after it and the run of one-leg gaps it belongs to is classified (a fill is decided at most
/// <see cref="PairAlignmentOptions.MaxFillBars"/> bars late; a closure or split when the gap ends or outgrows
/// <see cref="PairAlignmentOptions.MaxGapBars"/>), or once <c>stale_after</c> has passed (<see cref="Expire"/>).
/// </summary>
/// <remarks>
/// Live only: <see cref="Expire"/> finalises bars a lagging leg has not reached within <c>stale_after</c>, the lagging
/// leg forward-filled and the bar marked <see cref="AlignedBar.Stale"/>; that leg's bars that arrive later for times
/// already final are dropped and counted (<see cref="LateBars"/>). Without expiry the output equals the batch
/// alignment of the same bars (property-tested). Steady state allocates nothing.
/// </remarks>
public sealed class PairAlignmentState
{
    private readonly string _symbolA;
    private readonly string _symbolB;
    private readonly int _maxFill;
    private readonly int _maxGap;
    private readonly Queue<Bar> _a = new(16);
    private readonly Queue<Bar> _b = new(16);
    private readonly Queue<AlignedBar> _out;
    private readonly List<(DateTime Time, Bar? A, Bar? B)> _run;
    private readonly ReturnWindow _outliersA;
    private readonly ReturnWindow _outliersB;
    private DateTime _lastA = DateTime.MinValue;
    private DateTime _lastB = DateTime.MinValue;
    private DateTime _lastUnion = DateTime.MinValue;
    private bool _started;
    private DateTime _start;
    private int _union;
    private PairLeg? _runLeg;
    private int _runStart;
    private bool _runSplit;
    private bool _runStale;
    private double _closeA = double.NaN;
    private double _closeB = double.NaN;
    private bool _inSegment;

    /// <summary>Creates the state.</summary>
    /// <param name="symbolA">Leg A's symbol (named in errors).</param>
    /// <param name="symbolB">Leg B's symbol.</param>
    /// <param name="timeframe">The bar timeframe (positive); sets the default <see cref="PairAlignmentOptions.MaxGapBars"/>.</param>
    /// <param name="options">Fill, gap and outlier settings; DESIGN.md's defaults when null (<see cref="PairAlignmentOptions.Timeframe"/> is ignored).</param>
    /// <exception cref="ArgumentException">A symbol is empty, the timeframe is not positive, or an option is out of range.</exception>
    public PairAlignmentState(string symbolA, string symbolB, TimeSpan timeframe, PairAlignmentOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbolA);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbolB);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeframe, TimeSpan.Zero);
        options ??= new PairAlignmentOptions();
        options.Validate();
        _symbolA = symbolA;
        _symbolB = symbolB;
        Timeframe = timeframe;
        _maxFill = options.MaxFillBars;
        _maxGap = options.MaxGapBars ?? Math.Max(Timeframes.BarsPerDay(timeframe), options.MaxFillBars);
        _run = new(_maxGap + 1);                   // a gap is flushed once it outgrows MaxGapBars: no growth in steady state
        _out = new(_maxGap + 2);
        _outliersA = new ReturnWindow(options.OutlierWindow, options.OutlierSigmas);
        _outliersB = new ReturnWindow(options.OutlierWindow, options.OutlierSigmas);
    }

    /// <summary>The bar timeframe.</summary>
    public TimeSpan Timeframe { get; }

    /// <summary>The longest one-leg gap treated as a closure, in union bars.</summary>
    public int MaxGapBars => _maxGap;

    /// <summary>Final bars emitted so far.</summary>
    public int Emitted { get; private set; }

    /// <summary>Segments started so far.</summary>
    public int Segments { get; private set; }

    /// <summary>Runs of one-leg gaps treated as closures.</summary>
    public int ClosureRuns { get; private set; }

    /// <summary>Union bars dropped as closures.</summary>
    public int ClosureBars { get; private set; }

    /// <summary>Union bars inside split gaps.</summary>
    public int SplitBars { get; private set; }

    /// <summary>Bars dropped because they arrived after <see cref="Expire"/> had finalised their time.</summary>
    public int LateBars { get; private set; }

    /// <summary>Takes a bar of one leg; final bars become available through <see cref="TryTake"/>.</summary>
    /// <exception cref="AlignmentOrderException">The bar is not after its leg's previous bar.</exception>
    /// <exception cref="ArgumentException">A price is not finite and positive (named with the symbol and time).</exception>
    public void Add(PairLeg leg, in Bar bar)
    {
        string symbol = leg == PairLeg.A ? _symbolA : _symbolB;
        ref DateTime last = ref leg == PairLeg.A ? ref _lastA : ref _lastB;
        if (bar.Time <= last)
        {
            throw new AlignmentOrderException(symbol, bar.Time, last);
        }

        if (!(double.IsFinite(bar.Open) && bar.Open > 0 && double.IsFinite(bar.High) && bar.High > 0 && double.IsFinite(bar.Low) && bar.Low > 0 && double.IsFinite(bar.Close) && bar.Close > 0))
        {
            throw new ArgumentException($"{symbol} {bar.Time:O}: prices must be finite and positive.", nameof(bar));
        }

        last = bar.Time;
        if (bar.Time <= _lastUnion)
        {
            LateBars++;
            return;
        }

        (leg == PairLeg.A ? _a : _b).Enqueue(bar);
        Merge();
    }

    /// <summary>Takes the next final bar, in time order.</summary>
    public bool TryTake(out AlignedBar bar) => _out.TryDequeue(out bar);

    /// <summary>
    /// Live: finalises every union time at or before <paramref name="cutoff"/> (the clock minus <c>stale_after</c>)
    /// that a lagging leg has not reached: that leg is forward-filled there and the bars are marked stale.
    /// </summary>
    public void Expire(DateTime cutoff)
    {
        if (!_started)
        {
            return;     // the common period has not begun: nothing to finalise
        }

        while (true)
        {
            bool hasA = _a.TryPeek(out Bar a), hasB = _b.TryPeek(out Bar b);
            DateTime next = hasA && hasB ? (a.Time < b.Time ? a.Time : b.Time) : hasA ? a.Time : hasB ? b.Time : DateTime.MaxValue;
            if (next > cutoff || (hasA && hasB))
            {
                break;
            }

            Union(next, hasA ? _a.Dequeue() : null, hasB ? _b.Dequeue() : null, stale: true);
        }

        if (_runLeg is not null && _run.Count > 0 && !_runSplit && _run[^1].Time <= cutoff)
        {
            _runStale = true;
            FlushRun(Action.Fill, stale: true);
        }
    }

    /// <summary>The input has ended (batch): gaps still open are classified as if the data ended there.</summary>
    public void Complete() => CloseRun();

    private enum Action : byte
    {
        Keep,
        Fill,
        Closure,
        Split,
    }

    private void Merge()
    {
        if (!_started)
        {
            if (_a.Count == 0 || _b.Count == 0)
            {
                return;
            }

            // The common period starts at the later leg's first bar.
            _start = _a.Peek().Time > _b.Peek().Time ? _a.Peek().Time : _b.Peek().Time;
            _started = true;
        }

        DropBeforeStart(_a);
        DropBeforeStart(_b);
        while (_a.Count > 0 && _b.Count > 0)
        {
            DateTime ta = _a.Peek().Time, tb = _b.Peek().Time;
            DateTime t = ta < tb ? ta : tb;
            Union(t, ta == t ? _a.Dequeue() : null, tb == t ? _b.Dequeue() : null, stale: false);
        }
    }

    private void DropBeforeStart(Queue<Bar> leg)
    {
        while (leg.TryPeek(out Bar bar) && bar.Time < _start)
        {
            leg.Dequeue();
        }
    }

    // One union bar, determined: which legs trade at t.
    private void Union(DateTime t, Bar? a, Bar? b, bool stale)
    {
        _lastUnion = t;
        PairLeg? missing = a is null ? PairLeg.A : b is null ? PairLeg.B : null;
        int index = _union++;
        if (missing is not null && missing == _runLeg && _runStale)
        {
            Emit(Action.Fill, t, a, b, stale: true);      // a stale gap continues as stale fills until the leg returns
            return;
        }

        if (missing != _runLeg)
        {
            CloseRun();
            if (missing is PairLeg leg)
            {
                _runLeg = leg;
                _runStart = index;
            }
        }

        if (missing is null)
        {
            Emit(Action.Keep, t, a, b, stale);
            return;
        }

        if (_runSplit)
        {
            SplitBars++;
            Emit(Action.Split, t, a, b, stale);
            return;
        }

        _run.Add((t, a, b));
        if (_run.Count > _maxGap)
        {
            _runSplit = true;
            SplitBars += _run.Count;
            FlushRun(Action.Split, stale);
        }
    }

    // The gap ended (the leg traded again, the other leg's gap began, or the data ended): classify and emit it.
    private void CloseRun()
    {
        if (_runLeg is null)
        {
            return;
        }

        int length = _run.Count;
        if (length > 0)
        {
            Action action = length <= _maxFill && _runStart > 0 ? Action.Fill : Action.Closure;
            if (action == Action.Closure)
            {
                ClosureRuns++;
                ClosureBars += length;
            }

            FlushRun(action, stale: false);
        }

        _runLeg = null;
        _runSplit = false;
        _runStale = false;
    }

    private void FlushRun(Action action, bool stale)
    {
        foreach ((DateTime t, Bar? a, Bar? b) in _run)
        {
            Emit(action, t, a, b, stale);
        }

        _run.Clear();
    }

    private void Emit(Action action, DateTime t, Bar? a, Bar? b, bool stale)
    {
        // A fill (or a split bar) with no earlier close on the final axis (everything before was dropped) is a closure.
        bool aMissing = a is null, bMissing = b is null;
        if (action == Action.Closure || (aMissing && double.IsNaN(_closeA)) || (bMissing && double.IsNaN(_closeB)))
        {
            return;
        }

        // Split bars stay on the axis, forward-filled and flagged, in no segment: windows and labels stop before them.
        bool split = action == Action.Split;
        if (split)
        {
            _inSegment = false;
        }
        else if (!_inSegment)
        {
            _inSegment = true;
            Segments++;
            _outliersA.Reset();
            _outliersB.Reset();
        }

        Bar legA = a ?? new Bar(t, _closeA, _closeA, _closeA, _closeA, 0);
        Bar legB = b ?? new Bar(t, _closeB, _closeB, _closeB, _closeB, 0);
        _closeA = legA.Close;
        _closeB = legB.Close;
        bool outlierA = !split && _outliersA.Add(legA.Close);
        bool outlierB = !split && _outliersB.Add(legB.Close);
        _out.Enqueue(new AlignedBar(
            t, legA.Open, legA.High, legA.Low, legA.Close, legB.Open, legB.High, legB.Low, legB.Close,
            aMissing, bMissing, outlierA, outlierB, split ? -1 : Segments - 1, stale));
        Emitted++;
    }
}
