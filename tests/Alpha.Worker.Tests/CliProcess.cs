using System.Diagnostics;

namespace Alpha.Worker.Tests;

/// <summary>The <c>alpha</c> CLI as a process (<c>dotnet alpha.dll</c>, copied beside the tests), output captured.</summary>
internal static class CliProcess
{
    public static (int ExitCode, string Output, string Error) Run(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alpha.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"alpha {string.Join(' ', args)} did not finish in {timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
