using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Silences;

/// <summary>
/// This silo's copy of the silences, so alert grains decide without a grain call. Refreshed from the registry on a
/// short cadence (and at once when a silence is made or ended through this silo).
/// </summary>
public sealed class SilenceCache : IAlertSilencing
{
    private ImmutableArray<Silence> _silences = [];

    /// <summary>Replaces the copy.</summary>
    public void Replace(ImmutableArray<Silence> silences) => _silences = silences;

    /// <inheritdoc />
    public bool IsSilenced(AlertView alert, DateTimeOffset at) =>
        _silences.Any(s => s.StartsAt <= at && at < s.EndsAt && Matches(s, alert));

    /// <summary>True when every matcher matches the alert's labels (plus alertname, severity, owner).</summary>
    public static bool Matches(Silence silence, AlertView alert) => silence.Matchers.All(m =>
        Label(alert, m.Key) is { } value && GlobPattern.IsMatch(m.Value, value));

    private static string? Label(AlertView alert, string name) => name switch
    {
        "alertname" => alert.RuleName,
        "severity" => alert.Severity.ToString().ToLowerInvariant(),
        "owner" => alert.Owner,
        _ => alert.Labels.GetValueOrDefault(name),
    };
}
