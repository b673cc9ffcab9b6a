using Spectre.Console;

namespace Alpha.Cli;

/// <summary>
/// The console the CLI writes to. On a terminal: colours and live progress. Written to a file or a pipe: plain text
/// (no ANSI codes, no live redraws) and no wrapping, so tables stay whole. <c>NO_COLOR</c> (any non-empty value,
/// no-color.org) turns colours off on a terminal too.
/// </summary>
internal static class Terminal
{
    /// <summary>Wide enough that no table of the CLI wraps when the output is not a terminal.</summary>
    private const int UnwrappedWidth = 1_000;

    public static IAnsiConsole Create(TextWriter output, bool redirected, string? noColor)
    {
        bool colour = !redirected && string.IsNullOrEmpty(noColor);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(output),
        });
        if (redirected)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }
}
