using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OperationsCenter.Server.Tests.Leaders;

/// <summary>Checks an <c>Authorization: vapid t=&lt;JWT&gt;, k=&lt;key&gt;</c> header as a push service does (RFC 8292).</summary>
internal static class VapidToken
{
    /// <summary>
    /// Asserts the header's scheme, that <c>k</c> is <paramref name="publicKey"/>, that the JWT is ES256 signed by it,
    /// for <paramref name="audience"/>, not expired and with a subject; returns the JWT's claims.
    /// </summary>
    public static JsonElement Verify(string authorization, string publicKey, string audience)
    {
        Assert.StartsWith("vapid ", authorization, StringComparison.Ordinal);
        var parameters = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.True(parameters.ContainsKey("t") && parameters.ContainsKey("k"), $"Expected t= and k= in '{authorization}'.");
        Assert.Equal(publicKey, parameters["k"]);

        var parts = parameters["t"].Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonDocument.Parse(BrowserPushKeys.FromBase64Url(parts[0])).RootElement;
        Assert.Equal("ES256", header.GetProperty("alg").GetString());

        var point = BrowserPushKeys.FromBase64Url(parameters["k"]);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Assert.True(
            key.VerifyData(signed, BrowserPushKeys.FromBase64Url(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            "Expected the VAPID JWT's ES256 signature to verify with the center's public key.");

        var claims = JsonDocument.Parse(BrowserPushKeys.FromBase64Url(parts[1])).RootElement;
        Assert.Equal(audience, claims.GetProperty("aud").GetString());
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64()) > DateTimeOffset.UtcNow, "Expected the VAPID JWT not to be expired.");
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("sub").GetString()), "Expected the VAPID JWT to name a subject.");
        return claims;
    }
}
