using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Notifications.Webhooks;
using OperationsCenter.Server.Persistence;

namespace OperationsCenter.Server.Notifications;

/// <summary>Registers webhook receivers and routes (<c>OperationsCenter:Notifications</c>) as the alert notifier.</summary>
internal static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dispatcher, its failure records and the queued notifier, as one channel of the notifier alerts use
    /// (<see cref="AlertNotifiers"/>; other channels register under its key).
    /// </summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<WebhookOptions>(builder.Configuration.GetSection("OperationsCenter:Notifications"));
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddOptions<WebhookOptions>().ValidateOnStart();
        services.AddHttpClient(WebhookDispatcher.HttpClientName);
        services.AddSingleton<WebhookFailures>();
        services.AddSingleton(sp => new WebhookDispatcher(
            sp.GetRequiredService<IOptionsMonitor<WebhookOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<WebhookFailures>(),
            DataDirectory.Resolve(builder.Configuration, builder.Environment),
            sp.GetRequiredService<ILogger<WebhookDispatcher>>(),
            TimeProvider.System)
        {
            Metrics = sp.GetService<Telemetry.CenterMetrics>(),
        });
        services.AddSingleton<WebhookAlertNotifier>();
        services.AddKeyedSingleton<IAlertNotifier>(AlertNotifiers.ChannelKey, (sp, _) => sp.GetRequiredService<WebhookAlertNotifier>());
        services.AddSingleton<IAlertNotifier, AlertNotifiers>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookAlertNotifier>());
        return builder;
    }
}
