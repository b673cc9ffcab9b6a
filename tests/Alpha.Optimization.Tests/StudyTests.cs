namespace Alpha.Optimization.Tests;

public sealed class StudyTests
{
    private static readonly SearchSpace s_space = SearchSpace.Empty.Add("x", new FloatParameter(-5, 5)).Add("y", new FloatParameter(-5, 5));

    private static double Quadratic(Trial t) => Math.Pow(t.GetValue("x") - 1, 2) + Math.Pow(t.GetValue("y") + 2, 2);

    [Fact]
    public void Enqueued_RunFirst_AndCountTowardStartup()
    {
        var study = new Study(s_space, new TpeSampler(seed: 1), new StudyOptions { MaxTrials = 15 });
        for (int i = 0; i < 10; i++)
        {
            study.Enqueue(new Dictionary<string, double> { ["x"] = i - 5, ["y"] = 0 });
        }

        StudyResult result = study.Optimize(Quadratic);

        Assert.Equal(15, result.Trials.Length);
        Assert.All(result.Trials.Take(10), (t, i) => Assert.Equal((i - 5.0, true), (t.Parameters["x"], t.Enqueued)));
        Assert.All(result.Trials.Skip(10), t => Assert.False(t.Enqueued));
        Assert.Equal(StopReason.TrialBudget, result.StopReason);
    }

    [Fact]
    public void Tpe_IsSeededAndReproducible()
    {
        double[] Run(int seed) => [.. new Study(s_space, new TpeSampler(seed: seed), new StudyOptions { MaxTrials = 30 }).Optimize(Quadratic).Trials.Select(t => t.Value!.Value)];
        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }

    [Fact]
    public void Tpe_BeatsRandomSearchOnAQuadratic()
    {
        double tpe = 0, random = 0;
        for (int seed = 0; seed < 10; seed++)
        {
            tpe += new Study(s_space, new TpeSampler(seed: seed), new StudyOptions { MaxTrials = 60 }).Optimize(Quadratic).Best!.Value!.Value;
            random += new Study(s_space, new RandomSampler(seed), new StudyOptions { MaxTrials = 60 }).Optimize(Quadratic).Best!.Value!.Value;
        }

        Assert.True(tpe < random / 2, $"TPE mean best {tpe / 10}, random {random / 10}");
    }

    [Fact]
    public void NaN_And_Exceptions_FailTheTrial_TheStudyGoesOn()
    {
        var study = new Study(s_space, new RandomSampler(1), new StudyOptions { MaxTrials = 6 });
        StudyResult result = study.Optimize(t => t.Number switch
        {
            1 => double.NaN,
            2 => throw new InvalidOperationException("backtest exploded"),
            3 => PruneIt(t),
            _ => Quadratic(t),
        });

        Assert.Equal((TrialState.Failed, "the objective returned NaN"), (result.Trials[1].State, result.Trials[1].Message));
        Assert.Equal((TrialState.Failed, "InvalidOperationException: backtest exploded"), (result.Trials[2].State, result.Trials[2].Message));
        Assert.Equal(TrialState.Pruned, result.Trials[3].State);
        Assert.Equal(6, result.Trials.Length);
        Assert.NotNull(result.Best);
    }

    private static double PruneIt(Trial t)
    {
        t.Prune();
        return 0;
    }

    [Fact]
    public void Patience_CountsSampledTrialsOnly()
    {
        var study = new Study(s_space, new RandomSampler(1), new StudyOptions { MaxTrials = 100, Patience = 3, Direction = StudyDirection.Maximize });
        for (int i = 0; i < 8; i++)
        {
            study.Enqueue(new Dictionary<string, double> { ["x"] = 0, ["y"] = 0 });
        }

        // Every trial scores the same: the first is the best, then 3 sampled trials without improvement.
        StudyResult result = study.Optimize(_ => 1.0);

        Assert.Equal(8 + 3, result.Trials.Length);
        Assert.Equal(StopReason.NoImprovement, result.StopReason);
    }

    [Fact]
    public void TimeBudget_StopsStartingTrials()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var study = new Study(s_space, new RandomSampler(1), new StudyOptions { MaxTrials = 100, TimeBudget = TimeSpan.FromSeconds(10), TimeProvider = clock });
        StudyResult result = study.Optimize(t =>
        {
            clock.Advance(TimeSpan.FromSeconds(3));
            return Quadratic(t);
        });

        Assert.Equal((4, StopReason.TimeBudget), (result.Trials.Length, result.StopReason));
    }

    [Fact]
    public void Constraints_KeepInfeasibleTrialsFromBeingBest()
    {
        var study = new Study(s_space, new TpeSampler(seed: 2), new StudyOptions { MaxTrials = 40 });
        StudyResult result = study.Optimize(t =>
        {
            t.ReportConstraint(Math.Max(0, t.GetValue("x")));
            return t.GetValue("x");
        });

        Assert.True(result.Best!.Parameters["x"] <= 0);
        Assert.Contains(result.Trials, t => t.Violation > 0);
    }

    [Fact]
    public void Cancellation_StopsBetweenTrials()
    {
        using var cancel = new CancellationTokenSource();
        var study = new Study(s_space, new RandomSampler(1));
        Assert.Throws<OperationCanceledException>(() => study.Optimize(t =>
        {
            if (t.Number == 2)
            {
                cancel.Cancel();
            }

            return 0;
        }, cancel.Token));
        Assert.Equal(3, study.Trials.Count);
    }

    [Fact]
    public void EmptySearchSpace_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new Study(SearchSpace.Empty, new RandomSampler(0)));

    [Fact]
    public void InvertedRange_IsRefused() =>
        Assert.Contains("inverted", Assert.Throws<ArgumentException>(() => SearchSpace.Empty.Add("x", new FloatParameter(2, 1))).Message, StringComparison.Ordinal);

    [Fact]
    public void EnqueuedPointOutsideTheSpace_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Study(s_space, new RandomSampler(0)).Enqueue(new Dictionary<string, double> { ["x"] = 9, ["y"] = 0 }));

    [Fact]
    public void AllParameterKinds_AreSampledWithinTheirDistributions()
    {
        SearchSpace space = SearchSpace.Empty
            .Add("lr", new FloatParameter(1e-4, 1e-1, Log: true))
            .Add("depth", new IntParameter(2, 10))
            .Add("trees", new IntParameter(10, 1000, Log: true))
            .Add("theta", new FloatParameter(0.6, 0.85, 0.01))
            .Add("booster", new CategoricalParameter(["gbtree", "dart"]));
        var study = new Study(space, new TpeSampler(new TpeOptions { StartupTrials = 5 }, seed: 5), new StudyOptions { MaxTrials = 40 });
        StudyResult result = study.Optimize(t => Math.Log(t.GetValue("lr")) + t.GetInteger("depth") + (t.GetChoice("booster") == "dart" ? 1 : 0) - t.GetValue("theta"));

        foreach (TrialRecord t in result.Trials)
        {
            foreach ((string name, ParameterDistribution d) in space.Parameters)
            {
                Assert.True(d.Contains(t.Parameters[name]), $"{name} = {t.Parameters[name]}");
            }
        }

        Assert.Equal("gbtree", space["booster"] is CategoricalParameter c ? c.Choices[(int)result.Best!.Parameters["booster"]] : null);
    }

    [Fact]
    public void Multivariate_Works()
    {
        var study = new Study(s_space, new TpeSampler(new TpeOptions { Multivariate = true }, seed: 1), new StudyOptions { MaxTrials = 60 });
        Assert.True(study.Optimize(Quadratic).Best!.Value < 2);
    }

    [Fact]
    public void Grid_EnumeratesEveryCombinationInOrder()
    {
        var grid = new GridSampler([KeyValuePair.Create("x", new[] { 1.0, 2.0 }), KeyValuePair.Create("y", new[] { -1.0, 0.0, 1.0 })]);
        StudyResult result = new Study(s_space, grid, new StudyOptions { MaxTrials = 6 }).Optimize(Quadratic);
        Assert.Equal(new[] { (1.0, -1.0), (1.0, 0.0), (1.0, 1.0), (2.0, -1.0), (2.0, 0.0), (2.0, 1.0) }, result.Trials.Select(t => (t.Parameters["x"], t.Parameters["y"])));
    }
}
