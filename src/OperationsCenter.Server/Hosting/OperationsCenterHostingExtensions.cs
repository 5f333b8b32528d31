using System.Text.Json;
using System.Text.Json.Serialization;
using OperationsCenter.Grains;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Admin;
using OperationsCenter.Server.Alerts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Audit;
using OperationsCenter.Server.Catalog;
using OperationsCenter.Server.Departments;
using OperationsCenter.Server.Hubs;
using OperationsCenter.Server.Wall;
using OperationsCenter.Server.Ingest;
using OperationsCenter.Server.Leaders;
using OperationsCenter.Server.LiveState;
using OperationsCenter.Server.Mqtt;
using OperationsCenter.Server.Notifications;
using OperationsCenter.Server.Notifications.Email;
using OperationsCenter.Server.Persistence;
using OperationsCenter.Server.Push;
using OperationsCenter.Server.Security;
using OperationsCenter.Server.Silences;
using OperationsCenter.Server.Telemetry;
using Orleans.Configuration;

namespace OperationsCenter.Server.Hosting;

/// <summary>Registrations and endpoint mappings of the one host: silo, API, hub and wall.</summary>
public static class OperationsCenterHostingExtensions
{
    /// <summary>Adds the Orleans silo (clustering from the <c>Orleans</c> section), ingest, live state and the hub.</summary>
    public static WebApplicationBuilder AddOperationsCenter(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.AddSettingsFile();
        builder.UseOrleans(silo => silo.ConfigureEndpointsFrom(configuration).AddClusteringDefaults(configuration).AddAlertStorage(configuration).AddOrleansDashboardFrom(configuration)
            // Counts the grain calls made for the wall's read model, so "a snapshot costs no grain call" is measured.
            .AddOutgoingGrainCallFilter<WallGrainCalls>()
            // The directory cache is sized up front (1,000,000 entries by default, 9 MB); the center has hundreds of
            // partition grains plus its alerts per node.
            .Configure<GrainDirectoryOptions>(o => o.CacheSize = configuration.GetValue("Orleans:GrainDirectory:CacheSize", 100_000)));

        builder.AddSecurity();
        builder.AddCatalog();
        builder.AddPersistence();
        builder.AddNotifications();
        builder.AddEmail();
        builder.AddLeaders();
        builder.AddTelemetry();
        var services = builder.Services;
        services.AddLiveState(configuration);
        services.Configure<IngestOptions>(configuration.GetSection("OperationsCenter:Ingest"));
        services.AddIngestLimits();
        services.AddSingleton<SeriesBatcher>();
        services.AddSingleton<FieldTypeRegistry>();
        services.AddSingleton<LineIngestor>();
        services.AddDepartments();
        services.AddHostedService<SeriesFlushLoop>();
        services.AddSingleton<LiveStateQueries>();
        services.AddSingleton<AlertQueries>();
        services.AddSingleton<RuleStatus>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditLog>();
        services.AddAdmin();
        services.AddSingleton<RuleFileWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<RuleFileWatcher>());
        services.AddSingleton<IAlertHistory, SpoolAlertHistory>();
        services.AddSingleton<WallSeriesSelection>();
        services.AddSingleton<WallReadModel>();
        services.AddHostedService<WallReadModelSeeding>();
        services.AddSingleton<WallHubObserver>();
        services.AddHostedService<WallObserverRegistration>();

        // The MQTT endpoint (OperationsCenter:Mqtt): last, so it takes messages once everything ingest needs has started.
        services.AddMqttIngest(configuration);

        services.AddOpenApi();
        services.AddCenterHealthChecks();
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
        return builder;
    }

    /// <summary>Maps the ingest endpoints, the read API, the hub and the wall's static files.</summary>
    public static WebApplication MapOperationsCenter(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseIngestMetrics();
        app.UseIngestLimits();
        app.UseSameOriginRequests();
        var wallPath = WallFiles.Locate(app);
        app.UsePublicWallFiles(wallPath);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseWall(wallPath);
        app.MapAuthApi(wallPath);
        app.MapIngestApi();
        app.MapLiveStateApi();
        app.MapCatalogApi();
        app.MapHealthApi();
        app.MapHistoryApi();
        app.MapAlertsApi();
        app.MapAlertHistoryApi();
        app.MapLeaderApi();
        app.MapRulesApi();
        app.MapRuleFilesApi();
        app.MapAuditApi();
        app.MapSilencesApi();
        app.MapDepartmentsApi(wallPath);
        app.MapAdmin(wallPath);
        app.MapMetrics();
        app.MapHub<WallHub>("/hubs/wall");

        // The Orleans Dashboard (silos, grains, reminders, the live log), administrators only; see OrleansDashboardHosting.
        app.MapOrleansDashboardForAdmins();

        // The HTTP API's description, for integrators; it names every endpoint, so administrators only.
        app.MapOpenApi().RequireAuthorization(Policies.Admin);
        return app;
    }

    private static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
