using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace OperationsCenter.Server.Security;

/// <summary>OpenID Connect against the province's identity provider; its roles or groups map to ours.</summary>
internal static class OidcSignIn
{
    /// <summary>Applies the settings and turns the provider's identity into ours before the cookie is written.</summary>
    public static void Configure(OpenIdConnectOptions options, OidcSettings settings)
    {
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.Authority = settings.Authority;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = "code";
        options.UsePkce = true;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        options.Scope.Add("profile");
        if (!settings.RequireHttpsMetadata)
        {
            // A lab provider on plain HTTP: the correlation cookies cannot be Secure there.
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        options.Events.OnRemoteFailure = context =>
        {
            // A refused, expired or forged answer from the provider: back to the sign-in page with a plain message.
            context.Response.Redirect("/login?error=provider");
            context.HandleResponse();
            return Task.CompletedTask;
        };
        options.Events.OnTokenValidated = context =>
        {
            var external = context.Principal!;
            var name = external.FindFirstValue("preferred_username") ?? external.FindFirstValue("email") ?? external.FindFirstValue("sub") ?? "unknown";
            var roles = external.FindAll(settings.RoleClaim).Select(c => settings.RoleMap.GetValueOrDefault(c.Value, c.Value));
            context.Principal = new ClaimsPrincipal(UserDirectory.IdentityFor(name, external.FindFirstValue("name"), roles, "oidc", "oidc"));
            return Task.CompletedTask;
        };
    }
}
