using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Alpha.Retraining;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpha.Retraining.Tests;

/// <summary>The webhook notifier against a real local HTTP listener: Slack-compatible JSON with the structured payload, and a refusing or absent endpoint never throws.</summary>
public sealed class WebhookRetrainNotifierTests
{
    private static readonly RetrainEvent s_event = new(
        Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), RetrainCodes.Failed, RetrainSeverity.Error, new DateTimeOffset(2026, 12, 8, 2, 41, 7, TimeSpan.Zero), "audnzd-h4",
        "failed after 3 attempt(s): CORE_RETRAIN_FAILED: IOException: disk full",
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("retry_count", "2"), new("status", "failed"), new("trigger", "scheduled")]));

    [Fact]
    public async Task AnEvent_IsPostedAsSlackCompatibleJson_WithItsStructuredPayload()
    {
        using var listener = Listen(out Uri url);
        Task<(string Method, string ContentType, byte[] Body)> received = ReceiveAsync(listener, HttpStatusCode.OK);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await new WebhookRetrainNotifier(http, url, NullLogger<WebhookRetrainNotifier>.Instance).NotifyAsync(s_event, default);
        (string method, string contentType, byte[] body) = await received.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(("POST", "application/json; charset=utf-8"), (method, contentType));
        using JsonDocument json = JsonDocument.Parse(body);
        JsonElement root = json.RootElement;
        Assert.Equal("[error] CORE_RETRAIN_FAILED audnzd-h4: failed after 3 attempt(s): CORE_RETRAIN_FAILED: IOException: disk full", root.GetProperty("text").GetString());
        JsonElement attachment = root.GetProperty("attachments")[0];
        Assert.Equal("danger", attachment.GetProperty("color").GetString());
        Assert.Equal(["retry_count=2", "status=failed", "trigger=scheduled"], attachment.GetProperty("fields").EnumerateArray().Select(f => $"{f.GetProperty("title").GetString()}={f.GetProperty("value").GetString()}"));
        JsonElement e = root.GetProperty("event");
        Assert.Equal(("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "CORE_RETRAIN_FAILED", "error", "2026-12-08T02:41:07.0000000Z", "audnzd-h4"),
            (e.GetProperty("event_id").GetString(), e.GetProperty("code").GetString(), e.GetProperty("severity").GetString(), e.GetProperty("occurred_at").GetString(), e.GetProperty("schedule_id").GetString()));
        Assert.Equal("2", e.GetProperty("details").GetProperty("retry_count").GetString());
    }

    [Fact]
    public async Task ARefusingOrAbsentWebhook_NeverFailsTheCaller()
    {
        using var listener = Listen(out Uri url);
        Task<(string, string, byte[])> received = ReceiveAsync(listener, HttpStatusCode.InternalServerError);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        await new WebhookRetrainNotifier(http, url, NullLogger<WebhookRetrainNotifier>.Instance).NotifyAsync(s_event, default);
        await received.WaitAsync(TimeSpan.FromSeconds(10));
        listener.Stop();
        await new WebhookRetrainNotifier(http, url, NullLogger<WebhookRetrainNotifier>.Instance).NotifyAsync(s_event, default);     // nobody listens: logged, not thrown

        Assert.Throws<ArgumentException>(() => new WebhookRetrainNotifier(http, new Uri("file:///tmp/hook"), NullLogger<WebhookRetrainNotifier>.Instance));
    }

    private static HttpListener Listen(out Uri url)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        url = new Uri($"http://127.0.0.1:{port}/hooks/retrain/");
        var listener = new HttpListener();
        listener.Prefixes.Add(url.ToString());
        listener.Start();
        return listener;
    }

    private static async Task<(string Method, string ContentType, byte[] Body)> ReceiveAsync(HttpListener listener, HttpStatusCode answer)
    {
        HttpListenerContext context = await listener.GetContextAsync();
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        context.Response.StatusCode = (int)answer;
        context.Response.Close();
        return (context.Request.HttpMethod, context.Request.ContentType ?? "", body.ToArray());
    }
}
