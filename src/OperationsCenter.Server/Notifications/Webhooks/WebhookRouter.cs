using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>Chooses receivers for an alert by walking the routes in order, Alertmanager's way.</summary>
internal static class WebhookRouter
{
    /// <summary>
    /// The receivers whose routes match the alert's labels: the first match wins unless it has <c>continue</c>.
    /// A receiver chosen by two routes is sent to once. None match: no webhook (the wall still shows the alert).
    /// </summary>
    public static ImmutableArray<WebhookTarget> Choose(IReadOnlyList<WebhookRouteOptions> routes, AlertView alert)
    {
        var labels = AlertLabels.Of(alert);
        var chosen = ImmutableArray.CreateBuilder<WebhookTarget>();
        foreach (var route in routes)
        {
            if (!Matches(route, labels))
            {
                continue;
            }

            if (!chosen.Any(t => t.Receiver == route.Receiver))
            {
                chosen.Add(new WebhookTarget(route.Receiver, $"{AlertmanagerPayload.RootRouteKey}/{AlertmanagerText.Matchers(route.Matchers)}"));
            }

            if (!route.Continue)
            {
                break;
            }
        }

        return chosen.ToImmutable();
    }

    // A label the alert lacks is matched as empty, as in Alertmanager, so "*" also matches its absence.
    private static bool Matches(WebhookRouteOptions route, IReadOnlyDictionary<string, string> labels) =>
        route.Matchers.All(m => GlobPattern.IsMatch(m.Value, labels.GetValueOrDefault(m.Key, "")));
}
