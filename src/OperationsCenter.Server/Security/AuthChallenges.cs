using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Hosting;

namespace OperationsCenter.Server.Security;

/// <summary>
/// What an unauthenticated or unauthorized request gets: a page is sent to the sign-in form, anything else (API, hub,
/// scripts) gets a JSON 401 or 403 that says what to do, never a redirect a client would follow blindly.
/// </summary>
internal static class AuthChallenges
{
    /// <summary>Sets the cookie handler's redirect events and checks each session against configuration.</summary>
    public static void Configure(CookieAuthenticationEvents events)
    {
        events.OnValidatePrincipal = async context =>
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
            var current = users.Current(context.Principal!, context.Scheme.Name);
            if (current is null)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
            }
            else if (!UserDirectory.SameRoles(current, context.Principal!))
            {
                context.ReplacePrincipal(new System.Security.Claims.ClaimsPrincipal(current));
                context.ShouldRenew = true;
            }
        };
        events.OnRedirectToLogin = context => IsPage(context.Request)
            ? Redirect(context)
            : WriteAsync(context.Response, StatusCodes.Status401Unauthorized, "sign in first: open /login in a browser, or POST {\"name\", \"password\"} to /auth/login and send the cookie it sets");
        events.OnRedirectToAccessDenied = context => WriteAsync(context.Response, StatusCodes.Status403Forbidden,
            $"{context.HttpContext.User.Identity?.Name ?? "this account"} may not do this: {Needed(context.Request)}. Ask an administrator for the role");
    }

    /// <summary>A top-level browser navigation: a GET outside the API, its description, the hub and the Orleans Dashboard's data.</summary>
    private static bool IsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) &&
        request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OrleansDashboardEndpoint>() is null or { IsPage: true } &&
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs") && !request.Path.StartsWithSegments("/auth") &&
        !request.Path.StartsWithSegments("/openapi");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static string Needed(HttpRequest request) =>
        request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OrleansDashboardEndpoint>() is not null
            ? "the Orleans dashboard needs the admin role"
            : request.Path.StartsWithSegments("/api/v1/alerts") || request.Path.StartsWithSegments("/hubs")
                ? "acknowledging needs the operator or leader role"
                : request.Path.StartsWithSegments("/api/v1/rules") || request.Path.StartsWithSegments("/api/v1/silences") || request.Path.StartsWithSegments("/api/v1/keys")
                  || request.Path.StartsWithSegments("/api/v1/people") || request.Path.StartsWithSegments("/admin") || request.Path.StartsWithSegments("/admin.html")
                  || request.Path.StartsWithSegments("/js/admin")
                    ? "the admin area (rules, silences, keys, people) needs the admin role"
                    : request.Path.StartsWithSegments("/openapi")
                        ? "the API's description needs the admin role"
                        : "the wall and its API need the operator or leader role";

    private static Task WriteAsync(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new ApiError(message));
    }
}
