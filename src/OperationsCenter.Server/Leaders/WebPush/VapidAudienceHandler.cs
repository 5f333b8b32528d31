using System.Net.Http.Headers;
using Lib.Net.Http.WebPush.Authentication;

namespace OperationsCenter.Server.Leaders.WebPush;

/// <summary>
/// Signs the VAPID token for the push resource's whole origin when it has a port of its own: the library leaves the
/// port out of the <c>aud</c> claim, which RFC 8292 defines as the origin, so a push service on a non-default port
/// (a self-hosted one, the tests' stand-in) would refuse the token. Default ports (every public push service) pass as
/// the library made them.
/// </summary>
internal sealed class VapidAudienceHandler(VapidKeys keys) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsDefaultPort: false } uri && request.Headers.Authorization?.Scheme == "vapid")
        {
            using var authentication = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = keys.Subject };
            var origin = uri.GetLeftPart(UriPartial.Authority);
            request.Headers.Authorization = new AuthenticationHeaderValue("vapid", authentication.GetVapidSchemeAuthenticationHeaderValueParameter(origin));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
