using System.Collections.Immutable;
using System.Net;
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
        using var hook = new WebhookListener();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await new WebhookRetrainNotifier(http, hook.Url, NullLogger<WebhookRetrainNotifier>.Instance).NotifyAsync(s_event, default);

        using JsonDocument json = JsonDocument.Parse(hook.Next(TimeSpan.FromSeconds(10)));
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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Uri url;
        using (var refusing = new WebhookListener(HttpStatusCode.InternalServerError))
        {
            url = refusing.Url;
            await new WebhookRetrainNotifier(http, url, NullLogger<WebhookRetrainNotifier>.Instance).NotifyAsync(s_event, default);
            Assert.NotEmpty(refusing.Next(TimeSpan.FromSeconds(10)));
        }

        await new WebhookRetrainNotifier(http, url, NullLogger<WebhookRetrainNotifier>.Instance).NotifyAsync(s_event, default);     // nobody listens: logged, not thrown

        Assert.Throws<ArgumentException>(() => new WebhookRetrainNotifier(http, new Uri("file:///tmp/hook"), NullLogger<WebhookRetrainNotifier>.Instance));
    }
}
