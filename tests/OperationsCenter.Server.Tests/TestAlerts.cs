using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests;

/// <summary>Alerts put straight into a test server's grains, for tests about what people do with them.</summary>
internal static class TestAlerts
{
    /// <summary>The alert grain of a fingerprint.</summary>
    public static IAlertGrain Grain(CenterHost host, string fingerprint) =>
        host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertGrain>(fingerprint);

    /// <summary>Fires a warning of <paramref name="rule"/> owned by so-noi-vu; returns its fingerprint.</summary>
    public static async Task<string> FireAsync(CenterHost host, string rule)
    {
        var labels = ImmutableDictionary<string, string>.Empty.Add("department", "so-noi-vu");
        var fingerprint = AlertFingerprint.Of(rule, labels);
        await Grain(host, fingerprint).Signal(new AlertSignal(rule, AlertSeverity.Warning, "so-noi-vu", labels, AlertState.Firing, 1, DateTimeOffset.UtcNow,
            "t", "t", "d", "d"));
        return fingerprint;
    }
}
