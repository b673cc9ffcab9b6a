using System.CommandLine;
using System.Globalization;
using Alpha.Retraining;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Metrics;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>
/// <c>alpha retrain serve|run|status</c>: the retraining service (scheduled, degradation and manual triggers, exactly once,
/// under a leader lock; docs/retraining.md), one manual run now, and a model's run history.
/// </summary>
internal static class RetrainCommand
{
    /// <summary>The webhook the service notifies (Slack-compatible); a secret, so an environment variable, never an option.</summary>
    public const string WebhookVariable = "SLACK_WEBHOOK_URL";

    public static Command Create() => new("retrain", "Retraining that runs itself: the service, one manual run, the run history.")
    {
        Subcommands = { Serve(), Run(), Status() },
    };

    private static Command Serve()
    {
        var setup = new RetrainSetup();
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve core_retrain_duration_seconds, core_theta_trials_total and core_theta_best_score for Prometheus on http://localhost:<port>/metrics." };
        var poll = CliOptions.Integer("--poll-seconds", "How often to look for /ops/retrain requests between cron occurrences.", 30, 1, 3600);
        var command = new Command("serve", $"Run the retraining service for a model id until stopped (SIGTERM, Ctrl+C): retrain_cron, the degradation verdict at degradation_cron, /ops/retrain requests with --postgres; notifications to ${WebhookVariable} when set.");
        foreach (Option option in setup.Options)
        {
            command.Options.Add(option);
        }

        command.Options.Add(metricsPort);
        command.Options.Add(poll);
        command.SetAction(async (parse, ct) =>
        {
            await using RetrainStores stores = setup.Open(parse);
            string config = parse.GetRequiredValue(setup.Config).FullName;
            HostApplicationBuilder builder = Host.CreateApplicationBuilder();
            builder.Services.AddSystemd();
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton(provider => new RetrainMetrics(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
            if (parse.GetValue(metricsPort) is int port)
            {
                builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(RetrainMetrics.MeterName).AddPrometheusHttpListener(o => (o.Host, o.Port) = ("localhost", port)));
            }

            builder.Services.AddSingleton(provider => Service(stores, config, TimeSpan.FromSeconds(parse.GetValue(poll)), provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<RetrainMetrics>()));
            builder.Services.AddHostedService<RetrainHostedService>();
            using IHost host = builder.Build();
            await host.RunAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Run()
    {
        var setup = new RetrainSetup();
        var reason = new Option<string>("--reason") { Description = "Why (recorded as the run's cause).", DefaultValueFactory = _ => "manual run" };
        var command = new Command("run", "Retrain a model id once, now, as a manual run (recorded, retried, notified as the service does; it runs even when the schedule is disabled, and its success enables it again).");
        foreach (Option option in setup.Options)
        {
            command.Options.Add(option);
        }

        command.Options.Add(reason);
        command.SetAction(async (parse, ct) =>
        {
            await using RetrainStores stores = setup.Open(parse);
            using ILoggerFactory logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
            RetrainService service = Service(stores, parse.GetRequiredValue(setup.Config).FullName, TimeSpan.FromSeconds(30), logging, metrics: null);
            AnsiConsole.MarkupLineInterpolated($"retraining {stores.ModelId} (log in {stores.LogFolder}) …");
            RetrainRun run = await service.RunNowAsync($"alpha retrain run by {Environment.UserName}: {parse.GetRequiredValue(reason)}", ct);
            Show(stores.ModelId, [run], stores.Policy.Retraining.DisableAfterFailures);
            return run.Status == RetrainRunStatus.Success ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    private static Command Status()
    {
        var setup = new RetrainSetup();
        var limit = CliOptions.Integer("--limit", "Runs to show, newest first.", 20, 1, 1000);
        var command = new Command("status", "A model id's retrain runs, newest first, and whether its automatic triggers are disabled.")
        {
            setup.ModelId, setup.Config, setup.Models, setup.Postgres, limit,
        };
        command.SetAction(async (parse, ct) =>
        {
            string models = parse.GetRequiredValue(setup.Models).FullName;
            string modelId = parse.GetRequiredValue(setup.ModelId);
            await using Npgsql.NpgsqlDataSource? db = parse.GetValue(setup.Postgres) ? DatabaseUrl.Open() : null;
            IRetrainRunStore runs = db is null ? new JsonLinesRetrainRunStore(Path.Combine(models, ".retrain", "runs.jsonl")) : new Alpha.Storage.Postgres.PostgresRetrainRunStore(db);
            int disableAfter = Alpha.Training.PolicyLoader.Load(parse.GetRequiredValue(setup.Config).FullName).Retraining.DisableAfterFailures;
            Show(modelId, await runs.RecentAsync(modelId, parse.GetValue(limit), ct), disableAfter);
            return ExitCodes.Success;
        });
        return command;
    }

    private static RetrainService Service(RetrainStores stores, string config, TimeSpan poll, ILoggerFactory logging, RetrainMetrics? metrics)
    {
        var options = new RetrainServiceOptions
        {
            ScheduleId = stores.ModelId,
            Policy = stores.Policy.Retraining,
            Host = RetrainSetup.Host,
            PollInterval = poll,
            LogFolder = stores.LogFolder,
            Seed = stores.Policy.Seed,
        };
        var job = new RetrainJob(config, stores, TimeProvider.System);
        return new RetrainService(
            options, stores.Runs, stores.Leader, job.RunAsync, TimeProvider.System, logging.CreateLogger<RetrainService>(), stores.Requests,
            new DeployedVersionProbe(config, stores, TimeProvider.System), Notifier(logging), metrics);
    }

    private static WebhookRetrainNotifier? Notifier(ILoggerFactory logging)
    {
        string? url = Environment.GetEnvironmentVariable(WebhookVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            throw new InvalidOperationException($"{WebhookVariable} is not an absolute URL (its value is not shown: it is a secret).");
        }

        return new WebhookRetrainNotifier(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, uri, logging.CreateLogger<WebhookRetrainNotifier>());
    }

    private static void Show(string modelId, IReadOnlyList<RetrainRun> runs, int disableAfter)
    {
        var table = new Table().Title($"{Markup.Escape(modelId)}: retrain runs").AddColumns("scheduled for (UTC)", "trigger", "status", "retries", "version", "θ₁", "θ₂", "ended (UTC)", "error / cause");
        foreach (RetrainRun r in runs)
        {
            table.AddRow(
                r.ScheduledFor.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), RetrainRunStatuses.Name(r.Trigger), RetrainRunStatuses.Name(r.Status),
                r.RetryCount.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Outcome?.Version ?? ""), r.Outcome is { } o ? Cell.Number(o.Theta1, "F4") : "", r.Outcome is { } p ? Cell.Number(p.Theta2, "F4") : "",
                r.EndedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "", Markup.Escape(r.Error ?? r.Cause));
        }

        AnsiConsole.Write(table);
        int failures = RetrainHistory.ConsecutiveFailures(runs);
        if (failures > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{failures} consecutive failed run(s){(failures >= disableAfter ? ": scheduled and degradation retraining is disabled until a manual run succeeds" : "")}[/]");
        }
    }
}
