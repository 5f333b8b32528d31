using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>
/// The body Alertmanager POSTs to a <c>webhook_config</c> receiver, version 4, for one alert. Field names, their
/// order and the spelling of times follow Alertmanager's <c>notify/webhook</c> and <c>template.Data</c>, so
/// receivers written for Alertmanager take it unchanged.
/// </summary>
internal sealed record AlertmanagerPayload(
    [property: JsonPropertyName("receiver")] string Receiver,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("alerts")] IReadOnlyList<AlertmanagerAlert> Alerts,
    [property: JsonPropertyName("groupLabels")] IReadOnlyDictionary<string, string> GroupLabels,
    [property: JsonPropertyName("commonLabels")] IReadOnlyDictionary<string, string> CommonLabels,
    [property: JsonPropertyName("commonAnnotations")] IReadOnlyDictionary<string, string> CommonAnnotations,
    [property: JsonPropertyName("externalURL")] string ExternalUrl,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("groupKey")] string GroupKey,
    [property: JsonPropertyName("truncatedAlerts")] int TruncatedAlerts)
{
    /// <summary>The implicit root route's key; configured routes hang below it, as in Alertmanager's tree.</summary>
    public const string RootRouteKey = "{}";

    // Vietnamese titles stay readable UTF-8 rather than \u escapes; the body is never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The payload for <paramref name="alert"/> sent to <paramref name="receiver"/> through the route whose key is
    /// <paramref name="routeKey"/>. Acknowledged alerts are still "firing" to Alertmanager, with an
    /// <c>acknowledged_by</c> annotation naming who took them.
    /// </summary>
    public static AlertmanagerPayload For(AlertView alert, string receiver, string routeKey, string externalUrl)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var status = StatusOf(alert);
        var labels = AlertLabels.Of(alert);
        var annotations = Annotations(alert);
        var baseUrl = externalUrl.TrimEnd('/');
        var entry = new AlertmanagerAlert(
            status,
            labels,
            annotations,
            // Prometheus sends when the alert started firing, not when it became pending.
            AlertmanagerText.Time(alert.FiringSince ?? alert.StartsAt),
            status == "resolved" ? AlertmanagerText.Time(alert.EndsAt ?? alert.UpdatedAt) : AlertmanagerText.ZeroTime,
            $"{baseUrl}/api/v1/alerts?fingerprint={Uri.EscapeDataString(alert.Fingerprint)}",
            alert.Fingerprint);

        var groupLabels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["alertname"] = alert.RuleName };

        // Every notification carries one alert, so its group is that alert: the key holds all its labels (as
        // Alertmanager's group_by: ['...'] would). Keyed by alertname alone, receivers that group by groupKey would
        // close every department's alert of a rule when one of them resolves.
        var groupKey = $"{routeKey}:{AlertmanagerText.LabelSet(labels)}";

        // With one alert, its labels and annotations are the common ones.
        return new AlertmanagerPayload(receiver, status, [entry], groupLabels, labels, annotations, baseUrl, "4", groupKey, 0);
    }

    /// <summary>Alertmanager's status: only a resolved alert is "resolved".</summary>
    public static string StatusOf(AlertView alert) => alert.State == AlertState.Resolved ? "resolved" : "firing";

    /// <summary>The UTF-8 JSON body.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    private static SortedDictionary<string, string> Annotations(AlertView alert)
    {
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = alert.TitleEn,
            ["description"] = alert.DescriptionEn,
            ["summary_vi"] = alert.TitleVi,
            ["description_vi"] = alert.DescriptionVi,
        };
        // Kept on the resolution too: who took the alert is part of its story (un-acknowledging clears it).
        if (alert.AcknowledgedBy is { } by)
        {
            annotations["acknowledged_by"] = by;
        }

        return annotations;
    }
}
