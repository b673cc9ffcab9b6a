using System.Security.Cryptography;

namespace Alpha.Registry;

/// <summary>
/// The private ECDSA P-256 key training signs model versions with. Only the training host holds it; serving hosts hold
/// the public half in a <see cref="ModelTrust"/>. <see cref="ToString"/> never shows the private key.
/// </summary>
public sealed class ModelSigningKey
{
    private readonly byte[] _pkcs8;

    private ModelSigningKey(byte[] pkcs8, byte[] subjectPublicKeyInfo)
    {
        _pkcs8 = pkcs8;
        PublicKeyInfo = subjectPublicKeyInfo;
        KeyId = ModelTrust.KeyIdOf(subjectPublicKeyInfo);
    }

    /// <summary>The key id: the first 16 hex digits of the SHA-256 of the public key (SubjectPublicKeyInfo DER).</summary>
    public string KeyId { get; }

    internal byte[] PublicKeyInfo { get; }

    /// <summary>Creates a new key from the operating system's cryptographic random number generator.</summary>
    public static ModelSigningKey Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new ModelSigningKey(key.ExportPkcs8PrivateKey(), key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Reads a private key from PEM text (<c>PRIVATE KEY</c> or <c>EC PRIVATE KEY</c>).</summary>
    /// <exception cref="ArgumentException">The text holds no private key, or one that is not ECDSA P-256.</exception>
    public static ModelSigningKey FromPem(string pem)
    {
        ArgumentException.ThrowIfNullOrEmpty(pem);
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new ArgumentException($"Not an ECDSA private key in PEM: {e.Message}", nameof(pem), e);
        }

        ECParameters parameters = key.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException($"The key is on curve {parameters.Curve.Oid.FriendlyName ?? parameters.Curve.Oid.Value}; model signatures use P-256.", nameof(pem));
        }

        try
        {
            return new ModelSigningKey(key.ExportPkcs8PrivateKey(), key.ExportSubjectPublicKeyInfo());
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("The PEM holds a public key only; signing needs the private key.", nameof(pem), e);
        }
    }

    /// <summary>Reads a private key from a PEM file.</summary>
    /// <exception cref="InvalidDataException">The file holds no ECDSA P-256 private key (the message names the file).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ModelSigningKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return FromPem(File.ReadAllText(path));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>The private key as PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>): store it where only training reads it.</summary>
    public string ExportPrivateKeyPem() => PemEncoding.WriteString("PRIVATE KEY", _pkcs8);

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>): give it to the hosts that verify versions.</summary>
    public string ExportPublicKeyPem() => PemEncoding.WriteString("PUBLIC KEY", PublicKeyInfo);

    /// <summary>The key id, never the key.</summary>
    public override string ToString() => $"ModelSigningKey {KeyId}";

    internal byte[] SignHash(ReadOnlySpan<byte> digest)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(_pkcs8, out _);
        return key.SignHash(digest.ToArray(), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
