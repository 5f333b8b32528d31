namespace OperationsCenter.Server.Admin;

/// <summary>Registrations and mappings of the admin screens and their APIs (keys, people, rule dry runs).</summary>
public static class AdminHostingExtensions
{
    /// <summary>Registers the settings file editor and the dry run.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<SettingsFileEditor>();
        services.AddSingleton<RuleDryRun>();
        return services;
    }

    /// <summary>Maps the admin pages and APIs.</summary>
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app, string? wallPath)
    {
        app.MapAdminPages(wallPath);
        app.MapKeysAdminApi();
        app.MapPeopleApi();
        app.MapRuleDryRunApi();
        return app;
    }
}
