using System.Security.Cryptography;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Alpha.Signals;

/// <summary>
/// The deterministic signal id of DESIGN.md § 6: the lowercase hex of the first 16 bytes of SHA-256 over the UTF-8
/// string <c>model_id|pair_id|bar_open_time|model_version|action</c> (time as <c>yyyy-MM-ddTHH:mm:ssZ</c>, action
/// <c>entry</c> or <c>exit</c>), so a replayed bar gives the same id and a consumer can de-duplicate on it.
/// </summary>
public static class SignalId
{
    /// <summary>The id of the signal a model emits for a pair at a bar.</summary>
    /// <param name="modelId">The catalogue model id.</param>
    /// <param name="pairId">The pair id.</param>
    /// <param name="barOpenTime">The decision bar's open time (any offset; converted to UTC; whole seconds).</param>
    /// <param name="modelVersion">The model version that decided.</param>
    /// <param name="action">Entry or exit.</param>
    /// <returns>32 lowercase hex digits.</returns>
    /// <exception cref="ArgumentException">An identifier is empty or has a '|' in it, or the time has a fraction of a second.</exception>
    public static string Of(string modelId, string pairId, DateTimeOffset barOpenTime, string modelVersion, SignalAction action)
    {
        CheckPart(modelId, nameof(modelId));
        CheckPart(pairId, nameof(pairId));
        CheckPart(modelVersion, nameof(modelVersion));
        if (!SignalTime.IsWholeSecond(barOpenTime))
        {
            throw new ArgumentException($"The bar time {barOpenTime:O} has a fraction of a second; bar times are whole seconds.", nameof(barOpenTime));
        }

        string actionName = action switch
        {
            SignalAction.Entry => "entry",
            SignalAction.Exit => "exit",
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a signal action."),
        };
        // Formatted straight into UTF-8, no intermediate string; on the stack unless the parts are unusually long.
        int maxBytes = Encoding.UTF8.GetMaxByteCount(modelId.Length + pairId.Length + modelVersion.Length + 32);
        byte[]? rented = maxBytes > 512 ? ArrayPool<byte>.Shared.Rent(maxBytes) : null;
        Span<byte> utf8 = rented ?? stackalloc byte[512];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Utf8.TryWrite(utf8, CultureInfo.InvariantCulture, $"{modelId}|{pairId}|{barOpenTime.UtcDateTime:yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'}|{modelVersion}|{actionName}", out int written);
        SHA256.HashData(utf8[..written], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash[..16]);
    }

    private static void CheckPart(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{value}' has a '|', which separates the id's parts.", name);
        }
    }
}
