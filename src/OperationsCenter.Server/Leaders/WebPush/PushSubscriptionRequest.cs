namespace OperationsCenter.Server.Leaders.WebPush;

/// <summary>A subscription as the browser's <c>PushSubscription.toJSON()</c> gives it.</summary>
/// <param name="Endpoint">The push service's URL.</param>
/// <param name="Keys"><c>p256dh</c> and <c>auth</c>, base64url.</param>
public sealed record PushSubscriptionRequest(string? Endpoint, PushSubscriptionKeys? Keys)
{
    /// <summary>What is wrong with it, for the caller to fix; null when it can be stored.</summary>
    public string? Problem()
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            return "endpoint must be the absolute http(s) URL of the push service, as PushSubscription.toJSON() gives it";
        }

        if (Keys?.P256dh is not { } p256dh || Base64Url.TryDecode(p256dh) is not { Length: 65 } point || point[0] != 0x04)
        {
            return "keys.p256dh must be the browser's uncompressed P-256 public key (65 bytes), base64url";
        }

        return Keys.Auth is { } auth && Base64Url.TryDecode(auth) is { Length: 16 }
            ? null
            : "keys.auth must be the browser's 16-byte auth secret, base64url";
    }
}
