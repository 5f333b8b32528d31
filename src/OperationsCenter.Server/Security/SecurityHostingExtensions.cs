using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using OperationsCenter.Server.Persistence;

namespace OperationsCenter.Server.Security;

/// <summary>Sign-in (cookie, and OpenID Connect when configured), roles and department keys.</summary>
public static class SecurityHostingExtensions
{
    /// <summary>
    /// Registers authentication and the policies. Every endpoint and file needs the wall policy unless it says
    /// otherwise, so a new endpoint is closed until someone opens it on purpose.
    /// </summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var auth = configuration.GetSection("OperationsCenter:Auth");
        services.Configure<AuthOptions>(auth);
        services.Configure<DepartmentKeyOptions>(configuration.GetSection("OperationsCenter"));
        services.AddSingleton<DepartmentKeyResolver>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<WallSessions>();
        services.AddHostedService<WallSessionSweep>();
        services.AddForwardedHeadersFrom(configuration);

        // Keys in the data folder, readable by the service's own user only: a restart keeps everyone signed in.
        // OperationsCenter:DataProtectionKeysPath moves them, e.g. to one folder every node of a cluster shares, so a
        // cookie issued by one node is read by the others.
        var keys = configuration["OperationsCenter:DataProtectionKeysPath"] is { Length: > 0 } keysPath
            ? Path.GetFullPath(keysPath, builder.Environment.ContentRootPath)
            : Path.Combine(DataDirectory.Resolve(configuration, builder.Environment), "auth-keys");
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        services.AddDataProtection()
            .SetApplicationName("OperationsCenter")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));

        var sessionLifetime = auth.GetValue<TimeSpan?>("SessionLifetime") ?? new AuthOptions().SessionLifetime;
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "oc.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = sessionLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = "/login";
                options.ReturnUrlParameter = "returnUrl";
                AuthChallenges.Configure(options.Events);
            });

        var oidc = auth.GetSection("Oidc").Get<OidcSettings>() ?? new OidcSettings();
        if (!string.IsNullOrEmpty(oidc.Authority))
        {
            authentication.AddOpenIdConnect(options => OidcSignIn.Configure(options, oidc));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Wall, p => p.RequireRole(Roles.Operator, Roles.Leader))
            .AddPolicy(Policies.Acknowledge, p => p.RequireRole(Roles.Operator, Roles.Leader))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Department, p => p.RequireAssertion(Departments.DepartmentAccess.IsStaff))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(Departments.DepartmentAccess.FallbackAllows).Build());
        return builder;
    }
}
