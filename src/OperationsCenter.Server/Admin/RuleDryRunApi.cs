using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Server.Alerts;
using OperationsCenter.Server.Alerts.Rules;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Admin;

/// <summary>
/// <c>POST /api/v1/rules/dry-run?file=name.yaml</c>: a rule file's text checked as a save would check it, then judged
/// against live state; nothing is saved, stored or notified. Administrators only.
/// </summary>
internal static class RuleDryRunApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapRuleDryRunApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/rules/dry-run", async Task<Results<Ok<DryRunResult>, BadRequest<RuleFileRejection>, BadRequest<ApiError>>> (
            string? file, HttpRequest request, RuleStatus status, RuleDryRun dryRun) =>
        {
            if (!RuleFilesApi.IsRuleFile(file))
            {
                return TypedResults.BadRequest(new ApiError($"?file= names the rule file being edited; {RuleFilesApi.NameRule}"));
            }

            if (await RuleFilesApi.ReadTextAsync(request) is not { } text)
            {
                return TypedResults.BadRequest(new ApiError(RuleFilesApi.BodyRule));
            }

            // The same check as saving: the file with the others, so a name used elsewhere is caught here too.
            var directory = status.Snapshot().Directory;
            var errors = RuleFilesApi.Check(directory, file!, text);
            if (errors.Count > 0)
            {
                return TypedResults.BadRequest(new RuleFileRejection($"{file} has errors: fix them before a dry run", [.. errors.Select(e => e.Message)], errors));
            }

            var rules = RuleFileReader.Read($"{Path.GetFileName(directory)}/{file}", text, []).Select(r => r.Rule).ToImmutableArray();
            return TypedResults.Ok(await dryRun.RunAsync(file!, rules));
        }).RequireAuthorization(Policies.Admin);
        return app;
    }
}
