using System.Collections.Concurrent;
using System.Net;

namespace Alpha.TestUtils;

/// <summary>A real local HTTP endpoint that answers every POST with a chosen status and keeps the bodies, for webhook tests.</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly BlockingCollection<byte[]> _bodies = [];
    private readonly Task _serving;

    /// <summary>Starts listening on a free loopback port.</summary>
    public WebhookListener(HttpStatusCode answer = HttpStatusCode.OK)
    {
        Url = new Uri($"http://127.0.0.1:{FreePorts.Next()}/hooks/retrain/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                context.Response.StatusCode = (int)answer;
                context.Response.Close();
                _bodies.Add(body.ToArray());
            }
        });
    }

    /// <summary>The webhook URL.</summary>
    public Uri Url { get; }

    /// <summary>The next body posted, waiting at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">Nothing was posted in time.</exception>
    public byte[] Next(TimeSpan timeout) => _bodies.TryTake(out byte[]? body, timeout) ? body : throw new TimeoutException($"Nothing was posted to {Url} within {timeout.TotalSeconds:0} s.");

    /// <inheritdoc/>
    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _bodies.Dispose();
    }
}
