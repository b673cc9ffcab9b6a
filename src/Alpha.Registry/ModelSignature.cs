using System.Security.Cryptography;
using System.Text.Json;

namespace Alpha.Registry;

/// <summary><c>signature.json</c>: key id and ECDSA P-256 signature (IEEE P1363, base64) over SHA-256(checksums.json ‖ run.json).</summary>
internal static class ModelSignature
{
    public const string Algorithm = "ECDSA-P256-SHA256";

    public static byte[] Create(ModelSigningKey key, ReadOnlySpan<byte> checksums, ReadOnlySpan<byte> run)
    {
        byte[] signature = key.SignHash(Digest(checksums, run));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("algorithm", Algorithm);
            json.WriteString("key_id", key.KeyId);
            json.WriteString("signature", Convert.ToBase64String(signature));
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The signature's status, its key id, and the problem to report under <paramref name="trust"/> (null when none).</summary>
    public static (SignatureStatus Status, string? KeyId, string? Problem) Check(string folder, byte[] checksums, ModelTrust trust)
    {
        string path = Path.Combine(folder, ModelFiles.Signature);
        if (!File.Exists(path))
        {
            return (SignatureStatus.Missing, null, trust.RequireSignature ? $"{ModelFiles.Signature} is missing: the version is unsigned and signatures are required." : null);
        }

        string runPath = Path.Combine(folder, ModelFiles.Run);
        if (!File.Exists(runPath))
        {
            return (SignatureStatus.Invalid, null, $"{ModelFiles.Run} is missing, so the signature cannot be checked.");
        }

        string keyId;
        byte[] signature;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = doc.RootElement;
            string algorithm = root.GetProperty("algorithm").GetString() ?? "";
            if (algorithm != Algorithm)
            {
                return (SignatureStatus.Invalid, null, $"{ModelFiles.Signature}: algorithm '{algorithm}' is not {Algorithm}.");
            }

            keyId = root.GetProperty("key_id").GetString() ?? "";
            signature = Convert.FromBase64String(root.GetProperty("signature").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (SignatureStatus.Invalid, null, $"{ModelFiles.Signature} is malformed: {e.Message}");
        }

        if (!trust.TryVerify(keyId, Digest(checksums, File.ReadAllBytes(runPath)), signature, out bool valid))
        {
            return (SignatureStatus.UnknownKey, keyId, trust.RequireSignature ? $"{ModelFiles.Signature}: key {keyId} is not trusted (trusted: {(trust.KeyIds.IsEmpty ? "none" : string.Join(", ", trust.KeyIds))})." : null);
        }

        return valid
            ? (SignatureStatus.Valid, keyId, null)
            : (SignatureStatus.Invalid, keyId, $"{ModelFiles.Signature}: the signature by key {keyId} does not verify: {ModelFiles.Checksums}, {ModelFiles.Run} or the signature was altered.");
    }

    private static byte[] Digest(ReadOnlySpan<byte> checksums, ReadOnlySpan<byte> run)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(checksums);
        hash.AppendData(run);
        return hash.GetHashAndReset();
    }
}
