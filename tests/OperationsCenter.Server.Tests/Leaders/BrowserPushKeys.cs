using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OperationsCenter.Server.Tests.Leaders;

/// <summary>
/// What a browser holds for a push subscription: a P-256 key pair and a 16-byte auth secret; and what it does with
/// a push: decrypt the <c>aes128gcm</c> body (RFC 8188 with the Web Push key derivation of RFC 8291).
/// </summary>
internal sealed class BrowserPushKeys : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public byte[] Auth { get; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>The uncompressed public point, 65 bytes.</summary>
    public byte[] PublicKey
    {
        get
        {
            var q = _key.ExportParameters(false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    /// <summary>The keys as <c>PushSubscription.toJSON()</c> has them.</summary>
    public object Json(string endpoint) => new
    {
        endpoint,
        expirationTime = (object?)null,
        keys = new { p256dh = Base64Url(PublicKey), auth = Base64Url(Auth) },
    };

    /// <summary>Decrypts an <c>aes128gcm</c> push body made for these keys (one record, as pushes are).</summary>
    public byte[] Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        var senderKey = body[21..(21 + idLength)];
        var cipherText = body[(21 + idLength)..];
        Assert.True(idLength == 65, $"Expected the header's key id to be the sender's 65-byte P-256 key, got {idLength} bytes.");
        Assert.True(cipherText.Length <= recordSize, $"Expected one record (rs {recordSize}), got {cipherText.Length} bytes.");

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderKey[1..33], Y = senderKey[33..65] },
        });
        var shared = _key.DeriveRawSecretAgreement(sender.PublicKey);

        // RFC 8291 §3.4: IKM from the ECDH secret and the auth secret, bound to both public keys.
        var keyInfo = (byte[])[.. Encoding.ASCII.GetBytes("WebPush: info"), 0, .. PublicKey, .. senderKey];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, Auth, keyInfo);

        // RFC 8188 §2.2/2.3: content key and nonce from the salt.
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, [.. Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm"), 0]);
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, [.. Encoding.ASCII.GetBytes("Content-Encoding: nonce"), 0]);

        var plain = new byte[cipherText.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, cipherText[..^16], cipherText[^16..], plain);

        // The last record ends with the delimiter 2, then zero padding.
        var end = plain.Length - 1;
        while (end >= 0 && plain[end] == 0)
        {
            end--;
        }

        Assert.True(end >= 0 && plain[end] == 2, "Expected the last record's padding delimiter (2).");
        return plain[..end];
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64 + new string('=', (4 - (base64.Length % 4)) % 4));
    }

    public void Dispose() => _key.Dispose();
}
