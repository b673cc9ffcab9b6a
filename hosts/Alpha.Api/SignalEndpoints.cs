using Alpha.Operations;
using Alpha.Signals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alpha.Api;

/// <summary><c>/api/v1/signals</c>: the latest signal per model and pair (Redis) and the history (PostgreSQL).</summary>
internal static class SignalEndpoints
{
    public static RouteGroupBuilder MapSignals(this RouteGroupBuilder api)
    {
        RouteGroupBuilder signals = api.MapGroup("/signals").WithTags("signals")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        signals.MapGet("/latest", LatestAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("The latest signal of every model and pair (or of one model), from Redis.");
        signals.MapGet("/history", HistoryAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("Delivered signals, newest first, filtered by model, pair, action and bar time, paged with a cursor.");
        return signals;
    }

    private static async Task<Ok<Signal[]>> LatestAsync(string? model, ILatestSignals latest, CancellationToken cancellationToken) =>
        TypedResults.Ok((await latest.ReadAsync(QueryText.Optional(nameof(model), model), cancellationToken)).ToArray());

    private static async Task<Results<Ok<SignalHistoryView>, ProblemHttpResult>> HistoryAsync(
        string? model, string? pair, string? action, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor, ISignalHistory history, CancellationToken cancellationToken)
    {
        SignalAction? wanted = action switch
        {
            null or "" => null,
            "entry" => SignalAction.Entry,
            "exit" => SignalAction.Exit,
            _ => throw new ArgumentException($"action must be entry or exit, not '{action}'."),
        };
        if (limit is < 1 or > 500)
        {
            return Problems.BadRequest($"limit must be in [1, 500], not {limit}.");
        }

        SignalCursor? after = null;
        if (!string.IsNullOrEmpty(cursor) && !SignalCursor.TryParse(cursor, out after))
        {
            return Problems.BadRequest("cursor is not a cursor this API returned.");
        }

        if (from is { } f && to is { } t && t <= f)
        {
            return Problems.BadRequest("to must be after from.");
        }

        var query = new SignalQuery
        {
            ModelId = QueryText.Optional(nameof(model), model),
            PairId = QueryText.Optional(nameof(pair), pair),
            Action = wanted,
            From = from?.UtcDateTime,
            To = to?.UtcDateTime,
            Limit = limit ?? 100,
            After = after,
        };
        SignalPage page = await history.PageAsync(query, cancellationToken);
        return TypedResults.Ok(new SignalHistoryView(page.Signals, page.Next?.ToToken()));
    }
}
