using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Alpha.Retraining;

/// <summary>
/// Posts each event to a webhook as Slack-compatible JSON: <c>text</c> (one line), <c>attachments</c> (a colour by
/// severity and the details as fields), and <c>event</c> (the structured payload: event_id, code, severity, occurred_at,
/// schedule_id, details). A delivery that fails (refused, non-2xx, timed out) is logged as a warning and dropped — a
/// notification never fails a run. The URL is a secret: it is never logged.
/// </summary>
public sealed partial class WebhookRetrainNotifier : IRetrainNotifier
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly ILogger _logger;

    /// <summary>Creates the notifier.</summary>
    /// <param name="http">The client (its <see cref="HttpClient.Timeout"/> bounds each delivery).</param>
    /// <param name="url">The webhook URL (http or https).</param>
    /// <param name="logger">Where delivery failures go.</param>
    public WebhookRetrainNotifier(HttpClient http, Uri url, ILogger<WebhookRetrainNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(logger);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The webhook URL must be an absolute http or https URL.", nameof(url));
        }

        (_http, _url, _logger) = (http, url, logger);
    }

    /// <inheritdoc/>
    public async Task NotifyAsync(RetrainEvent retrainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retrainEvent);
        using var content = new ByteArrayContent(Payload(retrainEvent));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using HttpResponseMessage response = await _http.PostAsync(_url, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(_logger, retrainEvent.Code, retrainEvent.EventId, (int)response.StatusCode);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUndelivered(_logger, retrainEvent.Code, retrainEvent.EventId, e.GetType().Name);
        }
    }

    /// <summary>The JSON body posted for <paramref name="retrainEvent"/>.</summary>
    public static byte[] Payload(RetrainEvent retrainEvent)
    {
        ArgumentNullException.ThrowIfNull(retrainEvent);
        string severity = SeverityName(retrainEvent.Severity);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("text", $"[{severity}] {retrainEvent.Code} {retrainEvent.ScheduleId}: {retrainEvent.Message}");
            w.WriteStartArray("attachments");
            w.WriteStartObject();
            w.WriteString("color", retrainEvent.Severity switch { RetrainSeverity.Info => "good", RetrainSeverity.Warning => "warning", _ => "danger" });
            w.WriteStartArray("fields");
            foreach ((string name, string value) in retrainEvent.Details)
            {
                w.WriteStartObject();
                w.WriteString("title", name);
                w.WriteString("value", value);
                w.WriteBoolean("short", value.Length <= 40);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("event");
            w.WriteString("event_id", retrainEvent.EventId);
            w.WriteString("code", retrainEvent.Code);
            w.WriteString("severity", severity);
            w.WriteString("occurred_at", retrainEvent.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("schedule_id", retrainEvent.ScheduleId);
            w.WriteStartObject("details");
            foreach ((string name, string value) in retrainEvent.Details)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The severity's name in payloads: info, warning, error, critical.</summary>
    public static string SeverityName(RetrainSeverity severity) => severity switch
    {
        RetrainSeverity.Info => "info",
        RetrainSeverity.Warning => "warning",
        RetrainSeverity.Error => "error",
        RetrainSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a severity."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook refused retraining event {Code} ({EventId}) with HTTP {Status}")]
    private static partial void LogRefused(ILogger logger, string code, Guid eventId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retraining event {Code} ({EventId}) was not delivered to the webhook: {Failure}")]
    private static partial void LogUndelivered(ILogger logger, string code, Guid eventId, string failure);
}
