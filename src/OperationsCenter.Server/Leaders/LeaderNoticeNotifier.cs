using System.Threading.Channels;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Leaders.WebPush;

namespace OperationsCenter.Server.Leaders;

/// <summary>
/// One channel of <see cref="Notifications.AlertNotifiers"/>: notices routed to leaders are queued, then kept in the
/// <see cref="LeaderLog"/> and pushed to leaders' browsers, without holding up the alert grain. Notices are raised
/// once, by the alert's grain, so each is pushed once whatever the number of silos.
/// </summary>
internal sealed partial class LeaderNoticeNotifier(LeaderLog log, WebPushSender push, ILogger<LeaderNoticeNotifier> logger)
    : BackgroundService, IAlertNotifier
{
    private readonly Channel<AlertNotice> _queue = Channel.CreateUnbounded<AlertNotice>(new() { SingleReader = true });

    /// <inheritdoc />
    public Task NotifyAsync(AlertNotice notice)
    {
        if (notice.ToLeaders)
        {
            _queue.Writer.TryWrite(notice);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notice in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RecordAsync(notice, stoppingToken);
            try
            {
                await push.SendAsync(notice, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPushFailed(ex, notice.Alert.Fingerprint);
            }
        }
    }

    // Storage may be down for a moment (Redis restarting): a few tries, then the log says what was lost.
    private async Task RecordAsync(AlertNotice notice, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await log.RecordAsync(notice);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (attempt >= 5)
                {
                    LogRecordFailed(ex, notice.Alert.Fingerprint);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The leader notice of alert {Fingerprint} could not be kept for the leader view")]
    private partial void LogRecordFailed(Exception ex, string fingerprint);

    [LoggerMessage(Level = LogLevel.Error, Message = "Web Push of the leader notice of alert {Fingerprint} failed unexpectedly")]
    private partial void LogPushFailed(Exception ex, string fingerprint);
}
