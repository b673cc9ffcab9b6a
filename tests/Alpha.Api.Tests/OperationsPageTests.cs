using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Alpha.Signals;
using Alpha.Training;
using Microsoft.Playwright;

namespace Alpha.Api.Tests;

/// <summary>The operations page in a real headless Chromium, against alpha-api and the worker as processes.</summary>
public sealed class OperationsPageTests(OperationsSite site) : IClassFixture<OperationsSite>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [ServersSharedDataFact]
    public async Task Page_Loads_WithNoConsoleError_AndShowsTheDeployedModelAndItsEquity()
    {
        var errors = new List<string>();
        IPage page = await site.SignInAsync("vera", errors);

        string models = await page.InnerTextAsync("#models tbody");
        string equityVersion = await page.GetAttributeAsync("#equity", "data-version") ?? "";
        int points = await page.EvaluateAsync<int>("() => document.querySelector('#equity path.line').getAttribute('d').split('L').length");

        Assert.Contains("audnzd-h4", models, StringComparison.Ordinal);
        Assert.Contains("deployed", models, StringComparison.Ordinal);
        Assert.Equal(ApiServer.Pair.Version, equityVersion);
        Assert.True(points > 1000, $"{points} points");
        Assert.Equal(("vera", "viewer"), (await page.InnerTextAsync("#who-name"), await page.InnerTextAsync("#who-role")));
        Assert.Empty(errors);
    }

    [ServersSharedDataFact]
    public async Task TwoFailedRetrainRuns_ShowTheLastRun_AndTheDisabledWarning()
    {
        var store = new Alpha.Storage.Postgres.PostgresRetrainRunStore(site.Server.Database.DataSource);
        var first = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
        foreach (DateTimeOffset at in (DateTimeOffset[])[first, first.AddMonths(1)])
        {
            await store.TryStartAsync(new Alpha.Retraining.RetrainRun(Guid.CreateVersion7(at), "audnzd-h4", at, Alpha.Retraining.RetrainTrigger.Scheduled, "retrain_cron '0 3 1 * *'",
                Alpha.Retraining.RetrainRunStatus.Failed, 3, "retrain-host", at, at.AddMinutes(50), at.AddMinutes(50), null, null, "CORE_RETRAIN_FAILED: IOException: disk full"), CancellationToken.None);
        }

        var errors = new List<string>();
        IPage page = await site.SignInAsync("vera", errors);
        await page.WaitForSelectorAsync("#retraining-warning:not([hidden])", new() { Timeout = (float)s_wait.TotalMilliseconds });

        string runs = await page.InnerTextAsync("#retraining tbody");
        Assert.Contains("2026-12-01 03:00:00", runs, StringComparison.Ordinal);
        Assert.Contains("failed", runs, StringComparison.Ordinal);
        Assert.Contains("CORE_RETRAIN_FAILED: IOException: disk full", runs, StringComparison.Ordinal);
        Assert.Equal(
            "Retraining of audnzd-h4 is disabled after 2 consecutive failed runs: a manual run that succeeds (alpha retrain run, or a retrain request) enables it again.",
            await page.InnerTextAsync("#retraining-warning"));
        Assert.Empty(errors);
    }

    [ServersSharedDataFact]
    public async Task SignalFedWithAlphaFeed_AppearsOnThePage()
    {
        var errors = new List<string>();
        IPage page = await site.SignInAsync("vera", errors);
        Signal first = ApiServer.Pair.ExpectedSignals[0];
        DateTimeOffset cutoff = first.Timestamp.AddHours(12);
        Assert.True(ApiServer.Pair.ExpectedSignals[1].Timestamp > cutoff.AddHours(8), "the next signal comes after the bars fed");
        string folder = Directory.CreateTempSubdirectory("alpha-page-feed-").FullName;
        try
        {
            string a = Truncate(ApiServer.Pair.FileA, folder, cutoff), b = Truncate(ApiServer.Pair.FileB, folder, cutoff);

            (int code, string output) = Feed(a, b);
            ILocator row = page.Locator($"#signals tr[data-signal='{first.Id}']");
            await row.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)s_wait.TotalMilliseconds });

            Assert.True(code == 0, output);
            string text = await row.InnerTextAsync();
            Assert.Contains(first.Action == SignalAction.Entry ? "entry" : "exit", text, StringComparison.Ordinal);
            Assert.Contains(first.PairId, text, StringComparison.Ordinal);
            Assert.Contains(first.Legs[0].Symbol, text, StringComparison.Ordinal);
            Assert.Empty(errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [ServersSharedDataFact]
    public async Task Halt_WorksForAnApprover_AndIsRefusedOnScreenForAViewer()
    {
        await Delivered.ClearFlagsAsync(site.Server);
        var errors = new List<string>();
        IPage viewer = await site.SignInAsync("vera", errors);
        IPage approver = await site.SignInAsync("alice", errors);
        try
        {
            bool disabled = await viewer.IsDisabledAsync("#halt");
            string why = await viewer.InnerTextAsync("#ops-role");
            // The button is disabled for a viewer; enabled by hand, the server still refuses, and the page says so.
            await viewer.FillAsync("#ops-reason", "forced by a viewer");
            await viewer.EvalOnSelectorAsync("#halt", "b => { b.disabled = false; b.click(); }");
            await viewer.WaitForSelectorAsync("#notice.bad");
            string refused = await viewer.InnerTextAsync("#notice");

            await approver.SelectOptionAsync("#ops-model", "audnzd-h4");
            await approver.FillAsync("#ops-reason", "NFP at 13:30");
            await approver.ClickAsync("#halt");
            await approver.WaitForSelectorAsync("#notice:has-text('soft halt on')");      // shown once the flags are reloaded
            string notice = await approver.InnerTextAsync("#notice");
            string flags = await approver.InnerTextAsync("#flags tbody");

            Assert.True(disabled);
            Assert.Contains("need the approver role; you are viewer", why, StringComparison.Ordinal);
            Assert.StartsWith("Refused:", refused, StringComparison.Ordinal);
            Assert.Contains("soft halt on audnzd-h4|* by alice", notice, StringComparison.Ordinal);
            Assert.Contains("soft halt", flags, StringComparison.Ordinal);
            Assert.Contains("audnzd-h4", flags, StringComparison.Ordinal);
            Assert.DoesNotContain(errors, e => !e.Contains("403", StringComparison.Ordinal));      // the forced call's 403 is the browser's own log line
        }
        finally
        {
            await Delivered.ClearFlagsAsync(site.Server);
        }
    }

    [ServersSharedDataFact]
    public async Task ThetaRange_IsChangedOnThePage_WithTwoApprovals_AndAScreenshotIsKept()
    {
        var errors = new List<string>();
        IPage editor = await site.SignInAsync("ed", errors);
        await editor.SelectOptionAsync("#propose-file", PolicyLoader.CoreFile);
        await editor.FillAsync("#propose-key", "theta.theta1_range");
        await editor.FillAsync("#propose-value", "[0.57, 0.87]");
        await editor.FillAsync("#propose-reason", "wider range after review");
        await editor.ClickAsync("#propose");
        await editor.WaitForSelectorAsync("#notice:has-text('needs 2 approver(s)')");
        string id = (await editor.InnerTextAsync("#notice")).Split(' ')[1];
        string change = $".change[data-change='{id}']";
        bool editorMayApprove = await editor.IsEnabledAsync($"{change} button.approve");

        IPage alice = await site.SignInAsync("alice", errors);
        await alice.ClickAsync($"{change} button.approve");
        await alice.WaitForSelectorAsync($"#notice:has-text('{id} is proposed')");
        bool aliceAgain = await alice.IsEnabledAsync($"{change} button.approve");

        IPage bob = await site.SignInAsync("bob", errors);
        await bob.ClickAsync($"{change} button.approve");
        await bob.WaitForSelectorAsync($"#notice:has-text('{id} approved')");
        await bob.ClickAsync($"{change} button.apply");
        await bob.WaitForSelectorAsync($"#notice:has-text('{id} applied')");

        Assert.False(editorMayApprove);
        Assert.False(aliceAgain);
        Assert.Contains("theta1_range: [0.57, 0.87]", File.ReadAllText(Path.Combine(site.Server.Configs, PolicyLoader.CoreFile)), StringComparison.Ordinal);
        Assert.Empty(errors);

        string shot = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "test-results", "operations-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        byte[] png = await alice.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        JsonElement picture = await Measure(png);
        Assert.Equal(1280, picture.GetProperty("width").GetInt32());
        Assert.True(picture.GetProperty("colors").GetInt32() > 20, $"the screenshot has {picture.GetProperty("colors")} colours: blank?");
        Assert.True(picture.GetProperty("ink").GetDouble() > 0.01, $"{picture.GetProperty("ink")} of the pixels are not background: blank?");
    }

    // The picture's size, distinct colours and share of pixels that are not the page background, measured by the browser.
    private async Task<JsonElement> Measure(byte[] png)
    {
        IPage blank = await site.Browser.NewPageAsync();
        try
        {
            return await blank.EvaluateAsync<JsonElement>(
                """
                async src => {
                  const img = new Image(); img.src = src; await img.decode();
                  const canvas = document.createElement("canvas"); canvas.width = img.width; canvas.height = img.height;
                  const g = canvas.getContext("2d"); g.drawImage(img, 0, 0);
                  const d = g.getImageData(0, 0, img.width, img.height).data;
                  const colors = new Set(); let ink = 0;
                  for (let i = 0; i < d.length; i += 4) {
                    const c = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
                    colors.add(c);
                    if (c !== 0xf5f6f9 && c !== 0xffffff) ink++;
                  }
                  return { width: img.width, height: img.height, colors: colors.size, ink: ink / (d.length / 4) };
                }
                """,
                "data:image/png;base64," + Convert.ToBase64String(png));
        }
        finally
        {
            await blank.CloseAsync();
        }
    }

    // The file's header and its bars up to cutoff (bar times are UTC, "yyyy-MM-dd HH:mm:ss"), into folder.
    private static string Truncate(string file, string folder, DateTimeOffset cutoff)
    {
        string[] lines = File.ReadAllLines(file);
        string target = Path.Combine(folder, Path.GetFileName(file));
        File.WriteAllLines(target, lines.Take(1).Concat(lines.Skip(1).TakeWhile(l =>
            DateTime.ParseExact(l[..19], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) <= cutoff.UtcDateTime)));
        return target;
    }

    private (int Code, string Output) Feed(string a, string b)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])[OperationsSite.HostAssembly("Alpha.Cli", "alpha.dll"), "feed", "--data", a, b, "--speed", "max", "--key-prefix", site.Server.Keys.Prefix])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["REDIS_URL"] = "redis://" + TestEnvironment.RedisConfiguration;
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_wait))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("alpha feed did not finish.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
