using System.Net;
using Orleans.Configuration;

namespace OperationsCenter.Server.Hosting;

/// <summary>Silo endpoints from <c>Orleans:Endpoints</c>; clustering itself is Orleans' own <c>Orleans:Clustering:ProviderType</c>.</summary>
internal static class SiloEndpointConfiguration
{
    /// <summary>Binds silo and gateway ports and the advertised address, loopback unless configured.</summary>
    public static ISiloBuilder ConfigureEndpointsFrom(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection("Orleans:Endpoints");
        return silo.Configure<EndpointOptions>(options =>
        {
            options.SiloPort = section.GetValue("SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
            options.GatewayPort = section.GetValue("GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
            options.AdvertisedIPAddress = IPAddress.Parse(section["AdvertisedIPAddress"] ?? "127.0.0.1");
        });
    }
}
