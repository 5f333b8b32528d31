using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Notifications;

/// <summary>
/// The one <see cref="IAlertNotifier"/> alert grains get: hands each notice to every channel registered under
/// <see cref="ChannelKey"/> (webhooks, leader mail). A channel that throws is logged and does not keep the notice
/// from the others.
/// </summary>
internal sealed partial class AlertNotifiers(
    [FromKeyedServices(AlertNotifiers.ChannelKey)] IEnumerable<IAlertNotifier> channels,
    ILogger<AlertNotifiers> logger) : IAlertNotifier
{
    /// <summary>The service key notice channels are registered under.</summary>
    public const string ChannelKey = "alert-notice-channel";

    /// <inheritdoc />
    public async Task NotifyAsync(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        foreach (var channel in channels)
        {
            try
            {
                await channel.NotifyAsync(notice);
            }
            catch (Exception ex)
            {
                LogChannelFailed(ex, channel.GetType().Name, notice.Kind.ToString(), notice.Alert.Fingerprint);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} could not take the {Kind} notice of alert {Fingerprint}")]
    private partial void LogChannelFailed(Exception ex, string channel, string kind, string fingerprint);
}
