using System.Diagnostics;

namespace Alpha.Worker.Tests;

/// <summary>The worker as a process (<c>dotnet alpha-worker.dll</c>) with the given environment, output captured.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private WorkerProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="assembly"/> (default: alpha-worker.dll beside the tests) with <paramref name="environment"/>.</summary>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string?> environment, string? assembly = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("Worker__", StringComparison.Ordinal) || k is "SERVICE_ENV" or "REDIS_URL").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string? value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(assembly ?? Path.Combine(AppContext.BaseDirectory, "alpha-worker.dll"));
        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>Runs to the end (a finite replay, or a refusal to start) within <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        using WorkerProcess worker = Start(environment);
        return worker.WaitForExit(timeout);
    }

    /// <summary>Asks the worker to stop (SIGTERM: drain, then exit).</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>Kills the worker at once (SIGKILL: no drain, no lease released) and waits for it to be gone.</summary>
    public void KillHard()
    {
        Signal("KILL");
        _process.WaitForExit();
    }

    /// <summary>Freezes the worker (SIGSTOP) or lets it go on (SIGCONT).</summary>
    public void Pause(bool paused) => Signal(paused ? "STOP" : "CONT");

    private void Signal(string name)
    {
        using Process kill = Process.Start("kill", [$"-{name}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public (int ExitCode, string Output, string Error) WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The worker did not exit within {timeout}: {_output.Result}{_error.Result}");
        }

        return (_process.ExitCode, _output.Result, _error.Result);
    }

    /// <summary>Everything the worker wrote, killing it first if it still runs.</summary>
    public string KillAndCollect()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        return _output.Result + _error.Result;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
