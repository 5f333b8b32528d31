using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.History;
using OperationsCenter.Grains.Series;
using OperationsCenter.Grains.Silences;
using OperationsCenter.Grains.Wall;

namespace OperationsCenter.Grains;

/// <summary>Registers what the live-state grains need in a silo.</summary>
public static class LiveStateServiceCollectionExtensions
{
    /// <summary>
    /// Adds the silo-local wall publisher and its push loop, and binds freshness, push and department options
    /// from the <c>OperationsCenter</c> configuration section.
    /// </summary>
    public static IServiceCollection AddLiveState(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("OperationsCenter");
        services.TryAddSingleton(new LiveStateClock(TimeProvider.System));
        services.Configure<FreshnessOptions>(section.GetSection("Freshness"));
        services.Configure<WallPushOptions>(section.GetSection("Push"));
        services.Configure<DepartmentDirectoryOptions>(section);
        services.Configure<SeriesPartitions>(section.GetSection("LiveState:Partitions"));
        services.Configure<AlertReminderOptions>(section.GetSection("Alerts:Reminders"));
        services.TryAddSingleton<ILiveStateHistory, NoLiveStateHistory>();
        services.TryAddSingleton<IAlertHistory, NoAlertHistory>();
        services.TryAddSingleton<IAlertNotifier, NoAlertNotifier>();
        services.TryAddSingleton<SilenceCache>();
        services.TryAddSingleton<IAlertSilencing>(sp => sp.GetRequiredService<SilenceCache>());
        services.AddHostedService<SilenceRefreshLoop>();
        services.AddSingleton<WallPublisher>();
        services.TryAddSingleton<AlertRuleSet>();
        services.TryAddSingleton<AlertStoreStatus>();
        services.TryAddSingleton<StoredAlerts>();
        services.AddHostedService<WallPushLoop>();
        services.AddMetrics();
        services.TryAddSingleton<GrainMetrics>();
        return services;
    }
}
