using System.Threading.Channels;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Notifications.Webhooks;

namespace OperationsCenter.Server.Notifications;

/// <summary>
/// Hands alert notices to webhook receivers without holding up the alert grain: notices are queued and a
/// background loop delivers them in order (the dispatcher retries and records what finally fails).
/// </summary>
internal sealed partial class WebhookAlertNotifier(WebhookDispatcher dispatcher, ILogger<WebhookAlertNotifier> logger)
    : BackgroundService, IAlertNotifier
{
    private readonly Channel<AlertNotice> _queue = Channel.CreateUnbounded<AlertNotice>(new() { SingleReader = true });

    /// <inheritdoc />
    public Task NotifyAsync(AlertNotice notice)
    {
        _queue.Writer.TryWrite(notice);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notice in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await dispatcher.SendAsync(notice.Alert, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDeliveryFailed(ex, notice.Alert.Fingerprint);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery for alert {Fingerprint} failed unexpectedly")]
    private partial void LogDeliveryFailed(Exception ex, string fingerprint);
}
