using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OperationsCenter.Server.Security;

/// <summary>
/// Behind a TLS reverse proxy, the client's address, scheme and host come from <c>X-Forwarded-*</c>, so the cookie is
/// marked Secure, sign-in attempts are counted per real client and same-origin checks see the public host. Only
/// proxies on loopback are believed, plus those in <c>OperationsCenter:ForwardedHeaders:KnownProxies</c>.
/// </summary>
internal static class ForwardedHeadersSetup
{
    /// <summary>Configures which proxies are believed.</summary>
    public static IServiceCollection AddForwardedHeadersFrom(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("OperationsCenter:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
    }
}
