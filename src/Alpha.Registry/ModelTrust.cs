using System.Collections.Immutable;
using System.Security.Cryptography;

namespace Alpha.Registry;

/// <summary>
/// What a host trusts: the public keys whose signatures it accepts, by key id (several, so keys can rotate), and
/// whether a version must be signed (<c>require_signature</c>; true for hosts). A signature that does not verify is
/// refused whatever <see cref="RequireSignature"/> says; a missing one or one by an unknown key only when it is on.
/// </summary>
public sealed class ModelTrust
{
    private readonly ImmutableDictionary<string, byte[]> _keys;

    /// <summary>Trusts the given public keys.</summary>
    /// <param name="publicKeyPems">PEM texts, each a P-256 public key (<c>PUBLIC KEY</c>).</param>
    /// <param name="requireSignature">Whether an unsigned version, or one signed by an unknown key, is refused.</param>
    /// <exception cref="ArgumentException">A text is not a P-256 public key (the message says which, by position).</exception>
    public ModelTrust(IEnumerable<string> publicKeyPems, bool requireSignature = true)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPems);
        var keys = ImmutableDictionary.CreateBuilder<string, byte[]>(StringComparer.Ordinal);
        int index = 0;
        foreach (string pem in publicKeyPems)
        {
            byte[] info = ReadPublicKey(pem, $"public key #{index++}");
            keys[KeyIdOf(info)] = info;
        }

        _keys = keys.ToImmutable();
        RequireSignature = requireSignature;
    }

    /// <summary>Checksums only: no key is trusted and no signature required (a signature present is still checked for form).</summary>
    public static ModelTrust ChecksumsOnly { get; } = new([], requireSignature: false);

    /// <summary>Whether an unsigned version, or one signed by an unknown key, is refused.</summary>
    public bool RequireSignature { get; }

    /// <summary>The trusted key ids, sorted.</summary>
    public ImmutableArray<string> KeyIds => [.. _keys.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Trusts every <c>*.pem</c> public key in a folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not a P-256 public key, or is a private key (hosts hold public keys only); the message names the file.</exception>
    public static ModelTrust FromFolder(string folder, bool requireSignature = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The trusted keys folder {folder} does not exist.");
        }

        var pems = new List<string>();
        foreach (string path in Directory.EnumerateFiles(folder, "*.pem").Order(StringComparer.Ordinal))
        {
            string pem = File.ReadAllText(path);
            try
            {
                ReadPublicKey(pem, Path.GetFileName(path));
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }

            pems.Add(pem);
        }

        return new ModelTrust(pems, requireSignature);
    }

    /// <summary>Whether <paramref name="keyId"/> is trusted.</summary>
    public bool Trusts(string keyId) => _keys.ContainsKey(keyId);

    internal static string KeyIdOf(ReadOnlySpan<byte> subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

    internal bool TryVerify(string keyId, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, out bool valid)
    {
        valid = false;
        if (!_keys.TryGetValue(keyId, out byte[]? info))
        {
            return false;
        }

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(info, out _);
        valid = key.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return true;
    }

    private static byte[] ReadPublicKey(string pem, string what)
    {
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} is a private key: a host trusts public keys only (give it the output of ExportPublicKeyPem / the .public.pem file).");
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new ArgumentException($"{what} is not an ECDSA public key in PEM: {e.Message}", e);
        }

        if (key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException($"{what} is not on curve P-256.");
        }

        return key.ExportSubjectPublicKeyInfo();
    }
}
