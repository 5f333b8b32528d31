using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Server.Api;

namespace OperationsCenter.Server.Security;

/// <summary>Sign-in and sign-out for people: <c>/login</c>, <c>/auth/*</c>.</summary>
internal static class AuthApi
{
    /// <summary>Maps the sign-in page and endpoints.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app, string? wallPath)
    {
        if (wallPath is not null)
        {
            app.MapGet("/login", () => Results.File(Path.Combine(wallPath, "login.html"), "text/html; charset=utf-8")).AllowAnonymous();
        }

        var auth = app.MapGroup("/auth");
        auth.MapPost("/login", SignInAsync).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).AllowAnonymous();
        auth.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(
            user.Actor(), user.DisplayName(), [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]))).RequireAuthorization();
        auth.MapGet("/providers", (IConfiguration configuration) => TypedResults.Ok(new
        {
            Password = true,
            Oidc = Oidc(configuration) is { } oidc ? new { oidc.DisplayName, Url = "/auth/oidc" } : null,
        })).AllowAnonymous();
        auth.MapGet("/oidc", (IConfiguration configuration, string? returnUrl) => Oidc(configuration) is null
            ? Results.NotFound(new ApiError("no identity provider is configured (OperationsCenter:Auth:Oidc:Authority)"))
            : Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        return app;
    }

    private static async Task<Results<NoContent, BadRequest<ApiError>, JsonHttpResult<ApiError>>> SignInAsync(
        HttpContext context, SignInRequest request, UserDirectory users, SignInThrottle throttle)
    {
        if (string.IsNullOrEmpty(request.Name) || string.IsNullOrEmpty(request.Password) || request.Name.Length > 200 || request.Password.Length > 1000)
        {
            return TypedResults.BadRequest(new ApiError("name and password are required"));
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.TryAttempt(address))
        {
            context.Response.Headers.RetryAfter = ((int)SignInThrottle.RetryAfter.TotalSeconds).ToString();
            return TypedResults.Json(new ApiError($"too many sign-in attempts from this address: try again in {SignInThrottle.RetryAfter.TotalSeconds:0} seconds"),
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        var identity = users.Verify(request.Name, request.Password, CookieAuthenticationDefaults.AuthenticationScheme);
        if (identity is null)
        {
            return TypedResults.Json(new ApiError("wrong name or password"), statusCode: StatusCodes.Status401Unauthorized);
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = true });
        return TypedResults.NoContent();
    }

    private static OidcSettings? Oidc(IConfiguration configuration) =>
        configuration.GetSection("OperationsCenter:Auth:Oidc").Get<OidcSettings>() is { Authority.Length: > 0 } settings ? settings : null;

    /// <summary>
    /// Only a path on this site: an open redirect would let a link send people elsewhere after signing in. Browsers
    /// drop tabs and line breaks from URLs and read a backslash as a slash, so <c>/\t/evil.example</c> would leave
    /// the site: any control character or backslash refuses the path.
    /// </summary>
    public static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) &&
        !returnUrl.Any(c => char.IsControl(c) || c == '\\')
            ? returnUrl
            : "/";
}
