using System.Collections.Immutable;
using System.Globalization;
using Alpha.Boosting.LightGbm;
using Alpha.Boosting.XGBoost;
using Alpha.Configuration;
using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Retraining;
using Alpha.Training;

namespace Alpha.Cli;

/// <summary>
/// One attempt of a retrain run in the retraining service: reads the policy files and the pair's bars afresh (a bad file
/// blocks the run: <c>CORE_RETRAIN_CONFIG</c>, <c>CORE_RETRAIN_DATA</c>), trains with the registered boosters against the
/// deployed version, checks the metrics (missing or not finite: blocked, <c>CORE_RETRAIN_METRICS</c>, before anything is
/// registered), registers the version (draft, candidate when adopted, deployed when <c>auto_deploy</c>), applies
/// retention, and writes its stages to the run's log file. Every progress report is a heartbeat.
/// </summary>
internal sealed class RetrainJob(string configFolder, RetrainStores stores, TimeProvider time)
{
    public async Task<RetrainOutcome> RunAsync(RetrainAttempt attempt, CancellationToken cancellationToken)
    {
        await using StreamWriter log = attempt.Run.LogPath is { } path ? new StreamWriter(path, append: true) : StreamWriter.Null;
        Write(log, $"attempt {attempt.Number} of run {attempt.Run.RunId} ({RetrainRunStatuses.Name(attempt.Run.Trigger)}: {attempt.Run.Cause})");
        TrainingPolicy policy;
        try
        {
            policy = PolicyLoader.Load(configFolder);
        }
        catch (ConfigException e)
        {
            throw new RetrainBlockedException("CORE_RETRAIN_CONFIG", e.Message);
        }

        PairDataset data;
        try
        {
            data = await stores.Bars(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
        {
            throw new RetrainBlockedException("CORE_RETRAIN_DATA", e.Message);
        }

        attempt.Beat();
        DeployedModel? deployed = await stores.Registry.DeployedAsync(stores.ModelId, cancellationToken).ConfigureAwait(false) is string current
            ? DeployedModel.Load(Path.Combine(stores.ModelsRoot, current))
            : null;
        Write(log, deployed is null ? "no deployed version: θ starts from the policy, adoption has nothing to compare with" : $"comparing with the deployed version {deployed.Version}");
        var flow = new RetrainFlow(policy, [new XGBoostTrainer(), new LightGbmTrainer()], time);
        var progress = new BeatingProgress(attempt, log);
        RetrainResult result = await Task.Run(() => flow.Run(data, deployed, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        ImmutableSortedDictionary<string, double> metrics = Metrics(result);
        if (RetrainOutcome.MetricsProblem(result.Theta.Theta1, result.Theta.Theta2, metrics) is { } problem)
        {
            throw new RetrainBlockedException(RetrainCodes.Metrics, $"{problem}: nothing was registered.");
        }

        ModelVersionState state = await RetrainPublisher.PublishAsync(stores.Registry, stores.ModelId, result, policy.AutoDeploy, stores.SigningKey, cancellationToken).ConfigureAwait(false);
        Write(log, $"registered {stores.ModelId}/{state.Version} as {ModelLifecycle.Name(state.Status)}");
        foreach (string old in await stores.Registry.PruneAsync(RetrainPublisher.Actor, cancellationToken).ConfigureAwait(false))
        {
            Write(log, $"retention: removed {Path.GetFileName(old)}");
        }

        return new RetrainOutcome(state.Version, result.Theta.Theta1, result.Theta.Theta2, metrics);
    }

    // The run's headline numbers (stored as the run's metrics).
    private static ImmutableSortedDictionary<string, double> Metrics(RetrainResult r)
    {
        var m = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        m["ai1_auc"] = r.Ai1.RocAuc ?? double.NaN;
        m["ai1_brier"] = r.Ai1.Brier;
        m["ai2_auc"] = r.Ai2.RocAuc ?? double.NaN;
        m["ai2_brier"] = r.Ai2.Brier;
        m["backtest_sharpe"] = r.Backtest.Summary.Sharpe;
        m["backtest_max_drawdown"] = r.Backtest.Summary.MaxDrawdown;
        m["backtest_trades"] = r.Backtest.Summary.Trades;
        m["backtest_win_rate"] = r.Backtest.Summary.WinRate;
        m["adopted"] = r.Adoption.Adopted ? 1 : 0;
        m[RetrainOutcome.ThetaTrialsKey] = r.ThetaSearch.Trials.Length;
        m[RetrainOutcome.ThetaBestScoreKey] = r.ThetaSearch.Best?.Objective ?? double.NaN;
        return m.ToImmutable();
    }

    private void Write(StreamWriter log, string line)
    {
        log.WriteLine($"{time.GetUtcNow():u} {line}");
        log.Flush();
    }

    // Each report beats the heartbeat; a new stage is logged.
    private sealed class BeatingProgress(RetrainAttempt attempt, StreamWriter log) : IProgress<RetrainProgress>
    {
        private RetrainStage? _stage;

        public void Report(RetrainProgress value)
        {
            attempt.Beat();
            lock (log)
            {
                if (_stage != value.Stage)
                {
                    _stage = value.Stage;
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stage {value.Stage}: {value.Message}"));
                    log.Flush();
                }
            }
        }
    }
}
