namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>One webhook endpoint that takes Alertmanager's version 4 payload.</summary>
public sealed class WebhookReceiverOptions
{
    /// <summary>The name routes refer to; also sent as <c>receiver</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Absolute http or https address the payload is POSTed to.</summary>
    public string Url { get; set; } = "";

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Longest one attempt may take before it is abandoned and retried.</summary>
    public double TimeoutSeconds { get; set; } = 10;
}
