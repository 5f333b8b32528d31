using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Server.Security;
using OperationsCenter.Server.Telemetry;

namespace OperationsCenter.Server.Leaders.WebPush;

/// <summary>
/// Sends a leader notice to every stored subscription (Lib.Net.Http.WebPush: VAPID, aes128gcm). A subscription the
/// push service says is gone (404, 410) is removed; other failures are tried again a few times, then counted as
/// failed (<c>oc.notifications.failed{channel="webpush"}</c>) and logged, never dropped silently. A person whose
/// configured entry no longer holds the leader role gets nothing, and their subscriptions are removed.
/// </summary>
internal sealed partial class WebPushSender(
    IHttpClientFactory clients,
    VapidKeys keys,
    PushSubscriptionStore subscriptions,
    IOptionsMonitor<DepartmentDirectoryOptions> departments,
    IOptionsMonitor<AuthOptions> people,
    CenterMetrics metrics,
    ILogger<WebPushSender> logger)
{
    /// <summary>The named HTTP client pushes go through.</summary>
    public const string HttpClientName = "webpush";

    /// <summary>The <c>channel</c> tag of pushes in the notification counters.</summary>
    public const string Channel = "webpush";

    /// <summary>How many times a push is tried before it counts as failed.</summary>
    public const int Attempts = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Pushes <paramref name="notice"/> to every subscription.</summary>
    public async Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(PushPayload.From(notice, id => departments.CurrentValue.NameOf(id)), Json);
        using var authentication = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = keys.Subject };
        var client = new PushServiceClient(clients.CreateClient(HttpClientName))
        {
            DefaultAuthentication = authentication,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
        };
        foreach (var subscription in await subscriptions.AllAsync())
        {
            if (!StillLeader(subscription))
            {
                // Their sign-in or leader role was taken away since they subscribed: alerts are no longer theirs.
                await subscriptions.RemoveAsync(subscription.User, subscription.Endpoint);
                continue;
            }

            await SendOneAsync(client, subscription, payload, notice, cancellationToken);
        }
    }

    private bool StillLeader(PushSubscriptionRecord subscription)
    {
        var account = people.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, subscription.User, StringComparison.OrdinalIgnoreCase));
        return account is null ? !subscription.PasswordSignIn : account.Roles.Contains(Roles.Leader);
    }

    private async Task SendOneAsync(PushServiceClient client, PushSubscriptionRecord subscription, string payload, AlertNotice notice, CancellationToken cancellationToken)
    {
        var target = new PushSubscription { Endpoint = subscription.Endpoint };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        var message = new PushMessage(payload)
        {
            // A resolution a day late still says something; critical news goes at once.
            TimeToLive = (int)TimeSpan.FromDays(1).TotalSeconds,
            Urgency = notice.Alert.Severity == AlertSeverity.Critical && notice.Kind != NoticeKind.Resolved ? PushMessageUrgency.High : PushMessageUrgency.Normal,
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.RequestPushMessageDeliveryAsync(target, message, cancellationToken);
                metrics.NotificationSent(Channel);
                return;
            }
            catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                // The browser unsubscribed or the subscription expired: it will never work again.
                await subscriptions.RemoveAsync(subscription.User, subscription.Endpoint);
                LogGone(subscription.User, (int)ex.StatusCode);
                return;
            }
            catch (Exception ex) when (ex is PushServiceClientException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= Attempts)
                {
                    metrics.NotificationFailed(Channel);
                    LogFailed(ex, notice.Alert.Fingerprint, subscription.User, attempt);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Web Push: the subscription of {User} is gone (HTTP {Status}); removed")]
    private partial void LogGone(string user, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Web Push of alert {Fingerprint} to {User} failed after {Attempts} attempts")]
    private partial void LogFailed(Exception ex, string fingerprint, string user, int attempts);
}
