using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Alerts;

/// <summary><c>GET /api/v1/rules</c>: the rules in force and how the last load went.</summary>
internal static class RulesApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/rules", (AlertRuleSet rules, RuleStatus status) =>
        {
            var state = status.Snapshot();
            return TypedResults.Ok(new
            {
                state.Directory,
                state.LoadedAt,
                state.CheckedAt,
                state.Errors,
                Rules = rules.Current,
            });
        }).RequireAuthorization(Policies.Admin);
        return app;
    }
}
