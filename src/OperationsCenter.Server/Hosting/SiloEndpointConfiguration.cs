using System.Net;
using Orleans.Configuration;

namespace OperationsCenter.Server.Hosting;

/// <summary>Silo endpoints from <c>Orleans:Endpoints</c>; clustering itself is Orleans' own <c>Orleans:Clustering:ProviderType</c>.</summary>
/// <remarks>
/// <c>SiloPort</c> (default 11111) and <c>GatewayPort</c> (default 30000) must differ per node on one machine;
/// <c>AdvertisedIPAddress</c> (an IP address or a host name, default <c>127.0.0.1</c>) is the address the other silos reach
/// this one at, so on several machines it is the node's own routable address. <c>ListenOnAnyHostAddress</c> (default
/// <c>false</c>) binds the silo and gateway ports on every interface instead of the advertised address only, for a
/// container or NAT where the advertised address is not one of the node's own.
/// </remarks>
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
            options.AdvertisedIPAddress = Address(section["AdvertisedIPAddress"] ?? "127.0.0.1");
            if (section.GetValue("ListenOnAnyHostAddress", false))
            {
                options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, options.SiloPort);
                options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, options.GatewayPort);
            }
        });
    }

    private static IPAddress Address(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : Dns.GetHostAddresses(value).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
              ?? throw new InvalidOperationException($"Orleans:Endpoints:AdvertisedIPAddress '{value}' resolves to no IPv4 address.");
}
