using System.CommandLine;
using Alpha.Cli;

var verbose = new Option<bool>("--verbose") { Description = "Print stack traces with errors.", Recursive = true };
var root = new RootCommand("alpha: train, backtest, optimise and inspect pair-trading models (Alpha.Libraries).")
{
    Options = { verbose },
    Subcommands = { TrainCommand.Create(), DemoCommand.Create(), InspectCommand.Create(), BacktestCommand.Create(), OptimizeCommand.Create() },
};

ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
    {
        Console.Error.WriteLine($"alpha: {error.Message}");
    }

    return 2;
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
catch (OperationCanceledException)
{
    Console.Error.WriteLine("alpha: cancelled.");
    return 130;
}
catch (Exception e)
{
    Console.Error.WriteLine(parsed.GetValue(verbose) ? $"alpha: {e}" : $"alpha: {e.Message}");
    return 1;
}
