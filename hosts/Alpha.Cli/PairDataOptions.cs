using System.CommandLine;
using Alpha.MarketData;
using Alpha.Training;

namespace Alpha.Cli;

/// <summary>The pair's two bar files (<c>--data</c>) and, for Lean archives, which quote side to read (<c>--quote</c>).</summary>
internal sealed class PairDataOptions(bool required = true)
{
    public Option<FileInfo[]> Files { get; } = new("--data")
    {
        Description = "The two legs' bar files, leg A then leg B: MetaTrader 5 CSV exports, or QuantConnect Lean hour or daily archives (.zip).",
        Required = required,
        Arity = new ArgumentArity(2, 2),
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<QuoteSide> Quote { get; } = new("--quote")
    {
        Description = "For Lean archives: the prices to read, bid, ask or mid (the default is bid, as MetaTrader exports).",
        DefaultValueFactory = _ => QuoteSide.Bid,
    };

    public PairDataset Read(ParseResult parse)
    {
        FileInfo[] files = parse.GetRequiredValue(Files);
        return PairDataset.FromFiles(files[0].FullName, files[1].FullName, lean: new LeanDataOptions { Side = parse.GetValue(Quote) });
    }
}
