namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>
/// Webhook receivers and the routes that choose them (<c>OperationsCenter:Notifications</c>). Routes are tried in
/// order; the first that matches wins unless it says <see cref="WebhookRouteOptions.Continue"/>, as in Alertmanager.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>The center's public address, sent as <c>externalURL</c> and the base of each alert's <c>generatorURL</c>.</summary>
    public string ExternalUrl { get; set; } = "";

    /// <summary>Where notifications can go, by name.</summary>
    public List<WebhookReceiverOptions> Receivers { get; set; } = [];

    /// <summary>Label matchers to receivers, tried in order.</summary>
    public List<WebhookRouteOptions> Routes { get; set; } = [];

    /// <summary>Attempts per delivery to one receiver, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; later ones grow exponentially, with jitter so receivers are not hit in lockstep.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest one delivery may take, all attempts and delays together.</summary>
    public double TotalTimeoutSeconds { get; set; } = 30;
}
