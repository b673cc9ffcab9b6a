namespace Alpha.Features;

/// <summary>
/// The incremental form of the pair features: one aligned bar in, the 17 model inputs out, in O(1) amortised time
/// and without allocation (rolling co-moments about a shift with exact recomputation every
/// <see cref="PairFeatureOptions.RecomputeEvery"/> bars, Wilder and EMA recursions, a monotonic deque for the
/// drawdown maximum). <see cref="PairFeatures.Compute(Alpha.MarketData.AlignedPair, PairFeatureOptions?)"/> runs this
/// same state over arrays, so batch and incremental give identical numbers.
/// </summary>
/// <remarks>
/// Feed the bars of one segment in order; call <see cref="Reset"/> at a segment boundary (every window restarts).
/// Until a feature's window is full its output is NaN and <see cref="Update"/> returns false. Uses bars up to and
/// including the current one only. Not thread-safe: one state per pair.
/// </remarks>
public sealed class PairFeatureState
{
    private readonly PairFeatureOptions _options;
    private readonly SlidingCovariance _hedge;
    private readonly SlidingCovariance _halfLife;
    private readonly SlidingCovariance _returns;
    private readonly SlidingCovariance _rhoValues;
    private readonly SlidingCovariance _betaValues;
    private readonly SlidingCovariance _atrSpreadValues;
    private readonly RingBuffer _slopeA;
    private readonly RingBuffer _slopeB;
    private readonly SlidingMaximum _equityMaximum;
    private readonly double _zEmaWeight;
    private readonly double _speedWeight;
    private readonly double _fastWeight;
    private readonly double _slowWeight;
    private WilderAverage _atrA;
    private WilderAverage _atrB;
    private WilderAverage _absReturn;
    private WilderAverage _gain;
    private WilderAverage _loss;
    private int _bars;
    private double _previousLogA, _previousLogB, _previousCloseA, _previousCloseB;
    private double _fastA, _slowA, _fastB, _slowB;
    private double _zEma, _speed, _equity;
    private double _previousBeta, _previousSigma, _previousZ;

    /// <summary>Creates a state with <paramref name="options"/> (DESIGN.md's defaults when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public PairFeatureState(PairFeatureOptions? options = null)
    {
        _options = options ?? new PairFeatureOptions();
        _options.Validate();
        int w = _options.Window, every = _options.RecomputeEvery;
        _hedge = new SlidingCovariance(2, w, every);
        _halfLife = new SlidingCovariance(4, w - 1, every);
        _returns = new SlidingCovariance(2, w, every);
        _rhoValues = new SlidingCovariance(1, _options.RhoVarianceWindow, every);
        _betaValues = new SlidingCovariance(1, _options.BetaStabilityWindow, every);
        _atrSpreadValues = new SlidingCovariance(1, _options.AtrRatioWindow, every);
        _slopeA = new RingBuffer(_options.SlopeWindow);
        _slopeB = new RingBuffer(_options.SlopeWindow);
        _equityMaximum = new SlidingMaximum(_options.DrawdownWindow);
        _zEmaWeight = 2.0 / (_options.ZEmaSpan + 1);
        _speedWeight = 2.0 / (_options.SpeedSpan + 1);
        _fastWeight = 2.0 / (_options.EmaFastSpan + 1);
        _slowWeight = 2.0 / (_options.EmaSlowSpan + 1);
        Reset();
    }

    /// <summary>The settings.</summary>
    public PairFeatureOptions Options => _options;

    /// <summary>Bars fed since the last <see cref="Reset"/>.</summary>
    public int BarCount => _bars;

    /// <summary>Whether every model input was ready at the last bar.</summary>
    public bool IsReady { get; private set; }

    /// <summary>α of the last bar's hedge fit (NaN until the window is full).</summary>
    public double Alpha { get; private set; }

    /// <summary>β of the last bar's hedge fit.</summary>
    public double Beta { get; private set; }

    /// <summary>σ of the last bar's hedge fit.</summary>
    public double Sigma { get; private set; }

    /// <summary>The last bar's spread log A − α − β·log B.</summary>
    public double Spread { get; private set; }

    /// <summary>The last bar's hedged return r (NaN until the previous bar had a fit).</summary>
    public double HedgedReturn { get; private set; }

    /// <summary>log of the last close of leg A.</summary>
    public double LogA => _previousLogA;

    /// <summary>log of the last close of leg B.</summary>
    public double LogB => _previousLogB;

    /// <summary>Starts a new segment: every window, EMA and Wilder average restarts.</summary>
    public void Reset()
    {
        _bars = 0;
        _hedge.Clear();
        _halfLife.Clear();
        _returns.Clear();
        _rhoValues.Clear();
        _betaValues.Clear();
        _atrSpreadValues.Clear();
        _slopeA.Clear();
        _slopeB.Clear();
        _equityMaximum.Clear();
        _atrA = new WilderAverage(_options.WilderPeriod);
        _atrB = new WilderAverage(_options.WilderPeriod);
        _absReturn = new WilderAverage(_options.WilderPeriod);
        _gain = new WilderAverage(_options.WilderPeriod);
        _loss = new WilderAverage(_options.WilderPeriod);
        _equity = 0;
        IsReady = false;
        Alpha = Beta = Sigma = Spread = HedgedReturn = double.NaN;
        _previousBeta = _previousSigma = _previousZ = double.NaN;
    }

    /// <summary>
    /// Adds the next bar and writes the model inputs (in <see cref="PairFeature"/> order, NaN where not ready) to
    /// <paramref name="features"/>; returns whether every one is ready.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="features"/> holds fewer than <see cref="FeatureNames.Count"/> values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A price is NaN, ±∞ or not positive.</exception>
    public bool Update(in PairBar bar, Span<double> features)
    {
        if (features.Length < FeatureNames.Count)
        {
            throw new ArgumentException($"features needs {FeatureNames.Count} elements.", nameof(features));
        }

        CheckPrice(bar.HighA, nameof(bar.HighA));
        CheckPrice(bar.LowA, nameof(bar.LowA));
        CheckPrice(bar.CloseA, nameof(bar.CloseA));
        CheckPrice(bar.HighB, nameof(bar.HighB));
        CheckPrice(bar.LowB, nameof(bar.LowB));
        CheckPrice(bar.CloseB, nameof(bar.CloseB));
        features[..FeatureNames.Count].Fill(double.NaN);

        int k = _bars++;
        int w = _options.Window;
        double logA = Math.Log(bar.CloseA), logB = Math.Log(bar.CloseB);
        double returnA = 0, returnB = 0;
        if (k >= 1)
        {
            returnA = logA - _previousLogA;
            returnB = logB - _previousLogB;
            _returns.Add(returnA, returnB);
            _halfLife.Add(_previousLogA, _previousLogB, returnA, returnB);
            if (_atrA.Add(TrueRange(bar.HighA, bar.LowA, _previousCloseA)))
            {
                features[(int)PairFeature.AtrA] = _atrA.Value / bar.CloseA;
            }

            if (_atrB.Add(TrueRange(bar.HighB, bar.LowB, _previousCloseB)))
            {
                features[(int)PairFeature.AtrB] = _atrB.Value / bar.CloseB;
            }
        }

        UpdateEmas(k, logA, logB);
        _hedge.Add(logB, logA);
        _slopeA.Add(logA);
        _slopeB.Add(logB);

        if (_hedge.IsFull)
        {
            FitHedge(logA, logB, features);
            if (k >= w)
            {
                UpdateReturnFeatures(returnA, returnB, features);
            }

            UpdateDrawdown(k == w - 1, features);
            _previousBeta = Beta;
            _previousSigma = Sigma;
            _previousZ = features[(int)PairFeature.Z];
        }

        _previousLogA = logA;
        _previousLogB = logB;
        _previousCloseA = bar.CloseA;
        _previousCloseB = bar.CloseB;

        bool ready = true;
        foreach (double value in features[..FeatureNames.Count])
        {
            ready &= !double.IsNaN(value);
        }

        IsReady = ready;
        return ready;
    }

    private void UpdateEmas(int k, double logA, double logB)
    {
        if (k == 0)
        {
            _fastA = _slowA = logA;
            _fastB = _slowB = logB;
            return;
        }

        _fastA += _fastWeight * (logA - _fastA);
        _slowA += _slowWeight * (logA - _slowA);
        _fastB += _fastWeight * (logB - _fastB);
        _slowB += _slowWeight * (logB - _slowB);
    }

    // The rolling OLS of log A on log B and everything defined under the bar's own fit.
    private void FitHedge(double logA, double logB, Span<double> features)
    {
        int w = _options.Window;
        double sxx = _hedge.Comoment(0, 0), sxy = _hedge.Comoment(0, 1), syy = _hedge.Comoment(1, 1);
        double beta = sxy / sxx;
        double alpha = _hedge.Mean(1) - (beta * _hedge.Mean(0));
        double sigma = Math.Sqrt(Math.Max(syy - (beta * sxy), 0) / (w - 2));
        Alpha = alpha;
        Beta = beta;
        Sigma = sigma;
        Spread = logA - alpha - (beta * logB);
        double z = Spread / sigma;
        features[(int)PairFeature.Beta] = beta;
        features[(int)PairFeature.Z] = z;
        _zEma = _bars == w ? z : _zEma + (_zEmaWeight * (z - _zEma));
        features[(int)PairFeature.ZEma] = _zEma;

        // Half-life: Δs′ on s′₋₁ with s′ = a − α − β·b; α cancels from both co-moments.
        double covariance = _halfLife.Comoment(2, 0) - (beta * _halfLife.Comoment(2, 1)) - (beta * _halfLife.Comoment(3, 0)) + (beta * beta * _halfLife.Comoment(3, 1));
        double variance = _halfLife.Comoment(0, 0) - (2 * beta * _halfLife.Comoment(0, 1)) + (beta * beta * _halfLife.Comoment(1, 1));
        double lambda = covariance / variance;
        double cap = (double)_options.HalfLifeCapWindows * w;
        features[(int)PairFeature.HalfLife] = lambda >= 0 ? cap : Math.Clamp(-Math.Log(2) / lambda, 0, cap);

        features[(int)PairFeature.EmaGap] = ((_fastA - _slowA) - (beta * (_fastB - _slowB))) / sigma;
        if (_slopeA.IsFull)
        {
            features[(int)PairFeature.Slope] = (TimeSlope(_slopeA) - (beta * TimeSlope(_slopeB))) / sigma;
        }

        _betaValues.Add(beta);
        if (_betaValues.IsFull)
        {
            features[(int)PairFeature.BetaStability] = Math.Sqrt(Math.Max(_betaValues.Comoment(0, 0), 0) / (_betaValues.Count - 1));
        }
    }

    private void UpdateReturnFeatures(double returnA, double returnB, Span<double> features)
    {
        double r = returnA - (_previousBeta * returnB);
        HedgedReturn = r;
        double dz = r / _previousSigma;
        features[(int)PairFeature.Dz] = dz;
        _speed = _bars == _options.Window + 1 ? Math.Abs(dz) : _speed + (_speedWeight * (Math.Abs(dz) - _speed));
        features[(int)PairFeature.Speed] = _speed;

        double rho = _returns.Comoment(0, 1) / Math.Sqrt(_returns.Comoment(0, 0) * _returns.Comoment(1, 1));
        features[(int)PairFeature.Rho] = rho;
        _rhoValues.Add(rho);
        if (_rhoValues.IsFull)
        {
            features[(int)PairFeature.RhoVar] = Math.Max(_rhoValues.Comoment(0, 0), 0) / (_rhoValues.Count - 1);
        }

        if (_absReturn.Add(Math.Abs(r)))
        {
            double atrSpread = _absReturn.Value;
            features[(int)PairFeature.AtrSpread] = atrSpread;
            _atrSpreadValues.Add(atrSpread);
            if (_atrSpreadValues.IsFull)
            {
                features[(int)PairFeature.AtrRatio] = atrSpread / _atrSpreadValues.Mean(0);
            }
        }

        _gain.Add(Math.Max(r, 0));
        if (_loss.Add(Math.Max(-r, 0)))
        {
            double gain = _gain.Value, loss = _loss.Value;
            features[(int)PairFeature.RsiSpread] = loss == 0 ? (gain == 0 ? 50.0 : 100.0) : 100.0 - (100.0 / (1.0 + (gain / loss)));
        }

        _equity -= Math.Sign(_previousZ) * r / (1 + Math.Abs(_previousBeta));
    }

    // Equity of fading z starts at 0 on the first fitted bar; dd = max of the last values − now.
    private void UpdateDrawdown(bool first, Span<double> features)
    {
        if (first)
        {
            _equity = 0;
        }

        _equityMaximum.Add(_equity);
        if (_equityMaximum.Added >= _options.DrawdownWindow)
        {
            features[(int)PairFeature.DdRecent] = _equityMaximum.Value - _equity;
        }
    }

    private static double TrueRange(double high, double low, double previousClose) =>
        Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));

    // OLS slope of the buffered values on their positions 0 … n − 1, centred two-pass (n is small).
    private static double TimeSlope(RingBuffer values)
    {
        int n = values.Count;
        double meanT = (n - 1) / 2.0, meanY = 0;
        for (int k = 0; k < n; k++)
        {
            meanY += values[k];
        }

        meanY /= n;
        double stt = 0, sty = 0;
        for (int k = 0; k < n; k++)
        {
            double dt = k - meanT;
            stt += dt * dt;
            sty += dt * (values[k] - meanY);
        }

        return sty / stt;
    }

    private static void CheckPrice(double price, string name)
    {
        if (!double.IsFinite(price) || price <= 0)
        {
            throw new ArgumentOutOfRangeException(name, price, $"{name} must be a finite positive price.");
        }
    }
}
