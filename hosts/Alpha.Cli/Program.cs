using System.CommandLine;
using Alpha.Cli;
using Spectre.Console;

AnsiConsole.Console = Terminal.Create(Console.Out, Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));

var verbose = new Option<bool>("--verbose") { Description = "Print stack traces with errors.", Recursive = true };
var root = new RootCommand("alpha: train, backtest, optimise and inspect pair-trading models, and run their registry (Alpha.Libraries).")
{
    Options = { verbose },
    Subcommands =
    {
        TrainCommand.Create(), DemoCommand.Create(), InspectCommand.Create(), BacktestCommand.Create(), OptimizeCommand.Create(), ReplayCommand.Create(),
        ModelsCommand.Create(), KeysCommand.Create(), ApiKeyCommand.Create(), ConfigCommand.Create(), MonitorCommand.Create(), RetrainCommand.Create(), DbCommand.Create(), FeedCommand.Create(),
    },
};

if (args.Length == 0)
{
    root.Parse("--help").Invoke();
    return ExitCodes.Usage;
}

ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
    {
        Console.Error.WriteLine($"alpha: {error.Message}");
    }

    Console.Error.WriteLine("alpha: see 'alpha --help' or 'alpha <command> --help'.");
    return ExitCodes.Usage;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancel.Token);
}
catch (Exception e)
{
    Console.Error.WriteLine($"alpha: {ExitCodes.Describe(e, parsed.GetValue(verbose))}");
    return ExitCodes.Of(e);
}
