using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>An alert's labels as Alertmanager would see them: the series' labels plus the rule's identity.</summary>
internal static class AlertLabels
{
    /// <summary>
    /// The alert's labels with <c>alertname</c>, <c>severity</c> and <c>owner</c> added, sorted by name (Go encodes
    /// maps in key order, so receivers see the same order Alertmanager gives). The rule's labels win over a series
    /// label of the same name, as Prometheus lets rule labels override.
    /// </summary>
    public static SortedDictionary<string, string> Of(AlertView alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in alert.Labels)
        {
            labels[name] = value;
        }

        labels["alertname"] = alert.RuleName;
        labels["severity"] = alert.Severity.ToString().ToLowerInvariant();
        labels["owner"] = alert.Owner;
        return labels;
    }
}
