namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>A receiver chosen for an alert, with the key of the route that chose it (part of <c>groupKey</c>).</summary>
internal sealed record WebhookTarget(string Receiver, string RouteKey);
