using System.Globalization;
using Alpha.Inference;
using Alpha.Signals;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// The fill message of the fills stream (docs/worker.md): <c>fill_id</c>, <c>symbol</c>, <c>side</c> (<c>buy</c> or
/// <c>sell</c>), <c>quantity</c> and <c>price</c> (finite, positive), <c>time</c> (ISO 8601 UTC), and optionally
/// <c>signal_id</c> and <c>commission</c> (finite). Anything else is a malformed message.
/// </summary>
public static class FillMessage
{
    /// <summary>The fields of <paramref name="fill"/>.</summary>
    public static NameValueEntry[] Fields(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var fields = new List<NameValueEntry>
        {
            new("fill_id", fill.FillId),
            new("symbol", fill.Symbol),
            new("side", fill.Side == LegSide.Buy ? "buy" : "sell"),
            new("quantity", fill.Quantity.ToString("R", CultureInfo.InvariantCulture)),
            new("price", fill.Price.ToString("R", CultureInfo.InvariantCulture)),
            new("time", fill.FilledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)),
            new("commission", fill.Commission.ToString("R", CultureInfo.InvariantCulture)),
        };
        if (fill.SignalId is { } signal)
        {
            fields.Add(new("signal_id", signal));
        }

        return [.. fields];
    }

    /// <summary>Reads a message; false with the problem (naming the field) when it is malformed.</summary>
    public static bool TryParse(NameValueEntry[] fields, out Fill? fill, out string problem)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fill = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (NameValueEntry field in fields)
        {
            string name = field.Name.ToString();
            if (name is not ("fill_id" or "signal_id" or "symbol" or "side" or "quantity" or "price" or "time" or "commission"))
            {
                problem = $"unknown field '{(name.Length <= 64 ? name : name[..64] + "…")}'";
                return false;
            }

            values[name] = field.Value.ToString();
        }

        foreach (string required in (string[])["fill_id", "symbol", "side", "quantity", "price", "time"])
        {
            if (!values.TryGetValue(required, out string? v) || v.Length == 0)
            {
                problem = $"field '{required}' is missing";
                return false;
            }
        }

        if (values["side"] is not ("buy" or "sell"))
        {
            problem = "field 'side' is neither buy nor sell";
            return false;
        }

        if (!Positive(values["quantity"], out double quantity) || !Positive(values["price"], out double price))
        {
            problem = "fields 'quantity' and 'price' must be finite positive numbers";
            return false;
        }

        double commission = 0;
        if (values.TryGetValue("commission", out string? c) && !(double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out commission) && double.IsFinite(commission)))
        {
            problem = "field 'commission' is not a finite number";
            return false;
        }

        string time = values["time"];
        if (!time.EndsWith('Z') || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
        {
            problem = "field 'time' is not an ISO 8601 UTC time such as 2026-12-07T08:00:00Z";
            return false;
        }

        fill = new Fill(values["fill_id"], values.GetValueOrDefault("signal_id"), values["symbol"], values["side"] == "buy" ? LegSide.Buy : LegSide.Sell, quantity, price, at.ToUniversalTime(), commission);
        problem = "";
        return true;
    }

    private static bool Positive(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value > 0;
}
