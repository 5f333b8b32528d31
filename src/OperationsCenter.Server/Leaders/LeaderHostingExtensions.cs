using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Storage;
using OperationsCenter.Server.Alerts.Storage;
using OperationsCenter.Server.Leaders.WebPush;
using OperationsCenter.Server.Notifications;
using OperationsCenter.Server.Persistence;
using Orleans.Configuration;

namespace OperationsCenter.Server.Leaders;

/// <summary>Registers what the leader view needs beyond the hub: the log of leader notices and Web Push.</summary>
internal static class LeaderHostingExtensions
{
    /// <summary>
    /// Adds the leader table (Redis when alert storage is Redis, else <c>leaders/</c> in the data folder), the log, the
    /// VAPID keys, the subscriptions and the sender, as a channel of <see cref="AlertNotifiers"/> so leader notices reach them.
    /// </summary>
    public static WebApplicationBuilder AddLeaders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var dataDirectory = DataDirectory.Resolve(builder.Configuration, builder.Environment);
        services.AddKeyedSingleton<IStateTable>(nameof(LeaderLog), (sp, _) => sp.GetService<AlertRedis>() is { } redis
            ? new RedisStateTable(redis, $"operationscenter:{sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId}")
            : new FileStateTable(Path.Combine(dataDirectory, "leaders")));
        services.AddSingleton(sp => new LeaderLog(sp.GetRequiredKeyedService<IStateTable>(nameof(LeaderLog)), TimeProvider.System));
        services.AddSingleton(sp => new PushSubscriptionStore(sp.GetRequiredKeyedService<IStateTable>(nameof(LeaderLog))));
        // In a cluster every node must sign with the same pair: a generated one is kept in the folder the nodes share
        // for their data-protection keys when there is one.
        var vapidFolder = builder.Configuration["OperationsCenter:DataProtectionKeysPath"] is { Length: > 0 } shared
            ? Path.GetFullPath(shared, builder.Environment.ContentRootPath)
            : dataDirectory;
        services.AddSingleton(_ => VapidKeys.Load(builder.Configuration, vapidFolder));
        services.AddTransient<VapidAudienceHandler>();
        services.AddHttpClient(WebPushSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15)).AddHttpMessageHandler<VapidAudienceHandler>();
        services.AddSingleton<WebPushSender>();

        services.AddSingleton<LeaderNoticeNotifier>();
        services.AddKeyedSingleton<IAlertNotifier>(AlertNotifiers.ChannelKey, (sp, _) => sp.GetRequiredService<LeaderNoticeNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<LeaderNoticeNotifier>());
        return builder;
    }
}
