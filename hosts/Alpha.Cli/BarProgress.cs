using Spectre.Console;

namespace Alpha.Cli;

/// <summary>Shows bars fed as a progress bar (synchronously, on the replay's thread).</summary>
internal sealed class BarProgress(ProgressTask task) : IProgress<int>
{
    public void Report(int value) => task.Value = value;
}
