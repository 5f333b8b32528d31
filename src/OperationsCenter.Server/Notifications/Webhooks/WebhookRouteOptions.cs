namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>Sends alerts whose labels match every matcher to one receiver.</summary>
public sealed class WebhookRouteOptions
{
    /// <summary>Name of a configured receiver.</summary>
    public string Receiver { get; set; } = "";

    /// <summary>
    /// Label name to wildcard pattern (<c>*</c>, <c>?</c>). Labels are the alert's own plus <c>alertname</c> (the
    /// rule), <c>severity</c> and <c>owner</c>; a missing label is matched as empty, as Alertmanager does. No matchers
    /// matches every alert.
    /// </summary>
    public Dictionary<string, string> Matchers { get; set; } = [];

    /// <summary>Keep trying later routes after this one matched (default: the first match wins).</summary>
    public bool Continue { get; set; }
}
