namespace OperationsCenter.Grains.Alerts;

/// <summary>No webhooks configured.</summary>
public sealed class NoAlertNotifier : IAlertNotifier
{
    /// <inheritdoc />
    public Task NotifyAsync(AlertNotice notice) => Task.CompletedTask;
}
