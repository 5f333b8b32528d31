using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Hosting;

/// <summary><c>OperationsCenter:OrleansDashboard</c>: the Orleans Dashboard on the center's own address, for administrators.</summary>
public sealed class OrleansDashboardSettings
{
    /// <summary>The configuration section; <see cref="DashboardOptions"/> (<c>HideTrace</c>, <c>CounterUpdateIntervalMs</c>, <c>HistoryLength</c>) bind from it too.</summary>
    public const string Section = "OperationsCenter:OrleansDashboard";

    /// <summary>Adds the dashboard to the silo and maps it; false leaves both out (no profiling filter, no log capture).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where it is served: a path of its own, e.g. <c>/orleans</c>.</summary>
    public string Path { get; set; } = "/orleans";
}

/// <summary>Endpoint metadata of the Orleans Dashboard's endpoints, for the sign-in challenge.</summary>
/// <param name="IsPage">The dashboard's page (a browser is sent to sign in); otherwise its scripts' data and files (a JSON 401).</param>
internal sealed record OrleansDashboardEndpoint(bool IsPage);

/// <summary>
/// The Orleans Dashboard (<c>Microsoft.Orleans.Dashboard</c>): silos, grain activations and calls, reminders and the live
/// log, mapped on the center's own host (no port of its own) under <see cref="OrleansDashboardSettings.Path"/> and
/// given to administrators only, like the rules and keys.
/// </summary>
internal static partial class OrleansDashboardHosting
{
    // Paths the center or the wall already serve; the dashboard needs a path of its own.
    private static readonly string[] Taken =
        ["/api", "/hubs", "/auth", "/login", "/health", "/ping", "/openapi", "/write", "/query", "/metrics", "/i18n", "/lib", "/js", "/css", "/index.html", "/leader.html"];

    /// <summary>The settings, with the path checked: one or more plain segments, not one the center uses.</summary>
    public static OrleansDashboardSettings Settings(IConfiguration configuration)
    {
        var settings = configuration.GetSection(OrleansDashboardSettings.Section).Get<OrleansDashboardSettings>() ?? new();
        var path = "/" + (settings.Path ?? "").Trim().Trim('/');
        if (!PathShape().IsMatch(path) || Taken.Any(t => new PathString(path).StartsWithSegments(t, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException(
                $"{OrleansDashboardSettings.Section}:Path '{settings.Path}' is not usable: give the dashboard a path of its own, such as /orleans " +
                $"(letters, digits, '-', '_', not / and not under {string.Join(", ", Taken)})");
        }

        settings.Path = path;
        return settings;
    }

    /// <summary>Adds the dashboard's silo services (grain-call profiling while someone watches, log capture) when enabled.</summary>
    public static ISiloBuilder AddOrleansDashboardFrom(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (Settings(configuration).Enabled)
        {
            silo.AddDashboard(options => configuration.GetSection(OrleansDashboardSettings.Section).Bind(options));
        }

        return silo;
    }

    /// <summary>
    /// Maps the dashboard under its path for the admin policy. Without a session its page sends a browser to
    /// <c>/login</c> and its data endpoints answer a JSON 401, like the API; without the admin role, a JSON 403.
    /// </summary>
    public static WebApplication MapOrleansDashboardForAdmins(this WebApplication app)
    {
        var settings = Settings(app.Configuration);
        if (!settings.Enabled)
        {
            return app;
        }

        var group = app.MapOrleansDashboard(settings.Path).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        var pages = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { settings.Path, settings.Path + "/index.html" };
        ((IEndpointConventionBuilder)group).Add(endpoint => endpoint.Metadata.Add(new OrleansDashboardEndpoint(
            endpoint is RouteEndpointBuilder route && pages.Contains("/" + (route.RoutePattern.RawText ?? "").Trim('/')))));

        // The live log is one request that streams for up to an hour: close it when the person's sign-in or admin role
        // is withdrawn, as the hub's connections are (every Auth:SessionCheckInterval); the polled endpoints meet the
        // session check on each request anyway.
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var services = http.RequestServices;
            var users = services.GetRequiredService<UserDirectory>();
            var interval = services.GetRequiredService<IOptions<AuthOptions>>().Value.SessionCheckInterval;
            await using var watch = new Timer(_ =>
            {
                if (!StillAdmin(users, http.User))
                {
                    http.Abort();
                }
            }, null, interval, interval);
            return await next(context);
        });
        return app;
    }

    private static bool StillAdmin(UserDirectory users, ClaimsPrincipal user) =>
        users.Current(user, CookieAuthenticationDefaults.AuthenticationScheme) is { } current && current.HasClaim(current.RoleClaimType, Roles.Admin);

    [GeneratedRegex("^(/[A-Za-z0-9_-]+)+$")]
    private static partial Regex PathShape();
}
