using System.Collections.Immutable;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>What became of one alert notification across the receivers chosen for it.</summary>
/// <param name="Fingerprint">The alert.</param>
/// <param name="Status">"firing" or "resolved" as sent; "pending" when nothing was sent (Alertmanager never sees pending alerts).</param>
/// <param name="Receivers">One result per receiver; empty when no route matched.</param>
internal sealed record WebhookDelivery(string Fingerprint, string Status, ImmutableArray<WebhookReceiverResult> Receivers)
{
    /// <summary>Every chosen receiver accepted it (also true when none was chosen).</summary>
    public bool AllDelivered => Receivers.All(r => r.Delivered);
}
