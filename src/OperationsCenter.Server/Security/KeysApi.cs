using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Security;

/// <summary><c>GET /api/v1/keys</c>: which departments hold keys (hash prefixes only), for administrators.</summary>
internal static class KeysApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/keys", (IOptionsMonitor<DepartmentKeyOptions> options) => TypedResults.Ok(
            options.CurrentValue.DepartmentKeys
                .Select(k => new { k.Department, HashPrefix = k.Sha256.Length >= 12 ? k.Sha256[..12] : k.Sha256 })
                .OrderBy(k => k.Department, StringComparer.Ordinal)
                .ToList()))
            .RequireAuthorization(Policies.Admin);
        return app;
    }
}
