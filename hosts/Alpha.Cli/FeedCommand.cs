using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Messaging.Redis;
using Alpha.Training;
using Spectre.Console;
using StackExchange.Redis;

namespace Alpha.Cli;

/// <summary>
/// <c>alpha feed --data A.csv B.csv [--speed max|N] [--key-prefix P]</c>: publishes a pair's bars into the worker's Redis
/// bar streams (connection from REDIS_URL), in time order as they would have arrived — as fast as Redis takes them, or
/// at N times real time.
/// </summary>
internal static class FeedCommand
{
    public static Command Create()
    {
        var data = new PairDataOptions();
        // 0 stands for 'max' (pipelined, as fast as Redis takes them); otherwise a multiple of real time.
        var speed = new Option<double>("--speed")
        {
            Description = "'max' (pipelined, as fast as Redis takes them) or a multiple of real time: 3600 publishes an hour of bars per second.",
            DefaultValueFactory = _ => 0,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (text == "max")
                {
                    return 0;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double m) && double.IsFinite(m) && m > 0)
                {
                    return m;
                }

                result.AddError($"--speed must be 'max' or a positive multiple of real time (got '{text}').");
                return 0;
            },
        };
        var prefix = new Option<string>("--key-prefix") { Description = "The prefix of the worker's Redis keys (its Worker:KeyPrefix).", DefaultValueFactory = _ => "" };
        var command = new Command("feed", $"Publish a pair's bars into the worker's Redis bar streams (connection from {RedisUrl.Variable}).") { data.Files, data.Quote, speed, prefix };
        command.SetAction(async (parse, cancellationToken) =>
        {
            double multiple = parse.GetValue(speed);
            using ConnectionMultiplexer redis = await Connect();
            PairDataset dataset = data.Read(parse);
            TimeSpan timeframe = Timeframes.ModalStep(dataset.A.Time.ToArray());
            List<SourcedBar> bars = await InArrivalOrder(dataset.A, dataset.B, timeframe, cancellationToken);
            var feed = new RedisBarFeed(redis, new RedisKeys(parse.GetRequiredValue(prefix)));
            long start = Stopwatch.GetTimestamp();
            await AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    ProgressTask task = context.AddTask($"feeding {dataset.A.Symbol}/{dataset.B.Symbol} ({Timeframes.Format(timeframe)})", maxValue: bars.Count);
                    if (multiple == 0)
                    {
                        for (int i = 0; i < bars.Count; i += 10_000)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            await feed.PublishManyAsync(bars[i..Math.Min(bars.Count, i + 10_000)]);
                            task.Value = Math.Min(bars.Count, i + 10_000);
                        }

                        return;
                    }

                    DateTime first = bars[0].Bar.Time;
                    foreach (SourcedBar b in bars)
                    {
                        TimeSpan due = ((b.Bar.Time - first) / multiple) - Stopwatch.GetElapsedTime(start);
                        if (due > TimeSpan.Zero)
                        {
                            await Task.Delay(due, cancellationToken);
                        }

                        await feed.PublishAsync(b.Symbol, b.Timeframe, b.Bar);
                        task.Increment(1);
                    }
                });

            TimeSpan took = Stopwatch.GetElapsedTime(start);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"published {bars.Count:N0} bars of {dataset.A.Symbol} and {dataset.B.Symbol} in {took.TotalSeconds:F1} s ({bars.Count / Math.Max(took.TotalSeconds, 1e-3):N0} bars/s) to {new RedisKeys(parse.GetRequiredValue(prefix)).Bars(dataset.A.Symbol, timeframe)} and {dataset.B.Symbol}'s stream");
            return ExitCodes.Success;
        });
        return command;
    }

    // Both legs in the order a live feed delivers them (time order, leg A first at equal times): the replay source's order.
    private static async Task<List<SourcedBar>> InArrivalOrder(BarSeries a, BarSeries b, TimeSpan timeframe, CancellationToken cancellationToken)
    {
        var bars = new List<SourcedBar>(a.Count + b.Count);
        var source = new ReplayBarSource([(a, timeframe), (b, timeframe)]);
        while (await source.ReadAsync(bars, cancellationToken))
        {
        }

        return bars;
    }

    private static async Task<ConnectionMultiplexer> Connect()
    {
        string url = Environment.GetEnvironmentVariable(RedisUrl.Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{RedisUrl.Variable} is not set: export it as redis://host:port (or a StackExchange.Redis configuration string).");
        ConfigurationOptions options = RedisUrl.Parse(url);
        options.AbortOnConnectFail = true;
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (RedisConnectionException)
        {
            throw new InvalidOperationException($"cannot reach Redis at {string.Join(", ", options.EndPoints)} ({RedisUrl.Variable}).");
        }
    }
}
