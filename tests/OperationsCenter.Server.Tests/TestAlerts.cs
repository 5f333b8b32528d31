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

    /// <summary>Fires a critical "link down" alert of <paramref name="rule"/> at so-noi-vu; returns its fingerprint.</summary>
    public static async Task<string> FireAsync(CenterHost host, string rule)
    {
        var labels = ImmutableDictionary<string, string>.Empty.Add("department", "so-noi-vu").Add("measurement", "network");
        var fingerprint = AlertFingerprint.Of(rule, labels);
        await Grain(host, fingerprint).Signal(Signal(rule, labels, AlertCondition.Breached, 42, DateTimeOffset.UtcNow, AlertSeverity.Critical));
        return fingerprint;
    }

    /// <summary>
    /// A condition as a rule's evaluator would report it (no <c>for</c>: a breach fires at once), about the unit named
    /// by the labels' <c>department</c>, which also owns it unless <paramref name="owner"/> says otherwise.
    /// </summary>
    public static AlertSignal Signal(
        string rule, ImmutableDictionary<string, string> labels, AlertCondition condition, double value, DateTimeOffset at,
        AlertSeverity severity = AlertSeverity.Warning, string? owner = null) =>
        new(rule, severity, owner ?? labels["department"], labels, condition, value, at, "Mất kết nối", "Link down", "mô tả", "description",
            new AlertSource(RuleScope.Department, labels["department"]), TimeSpan.Zero);
}
