using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Audit;
using OperationsCenter.Server.Catalog;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Admin;

/// <summary>
/// <c>/api/v1/keys</c>: the department keys in force; issuing one (shown once, its hash kept in the settings file) and
/// revoking one (its entry removed). Administrators only; every change is audited.
/// </summary>
internal static class KeysAdminApi
{
    private const string Section = "DepartmentKeys";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapKeysAdminApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/keys").RequireAuthorization(Policies.Admin);

        keys.MapGet("/", async (IOptionsMonitor<DepartmentKeyOptions> options, SettingsFileEditor settings, CancellationToken ct) =>
        {
            var inFile = (await settings.EntriesAsync(Section, ct))
                .Select(e => (Name: e.Key, Hash: e.Value["Sha256"]?.GetValue<string>()?.ToLowerInvariant()))
                .Where(e => e.Hash is not null)
                .GroupBy(e => e.Hash!)
                .ToDictionary(g => g.Key, g => g.First().Name);
            return TypedResults.Ok(options.CurrentValue.DepartmentKeys
                .Select(k => (Key: k, Entry: inFile.GetValueOrDefault(k.Sha256.ToLowerInvariant())))
                .Select(k => new KeyView(k.Key.Department, Prefix(k.Key.Sha256), k.Entry, k.Entry is not null))
                .OrderBy(k => k.Department, StringComparer.Ordinal)
                .ToList());
        });

        keys.MapPost("/", async Task<Results<Created<IssuedKeyView>, BadRequest<ApiError>, Conflict<ApiError>>> (
            KeyRequest request, SettingsFileEditor settings, ConfiguredCatalog catalog, AuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (settings.Path is null)
            {
                return TypedResults.Conflict(new ApiError(SettingsFileEditor.NotConfigured));
            }

            if (!IssuedKey.IsDepartmentId(request.Department))
            {
                return TypedResults.BadRequest(new ApiError($"department \"{request.Department}\" is not an id: use {IssuedKey.DepartmentIdRule}"));
            }

            if (!request.NotInCatalog && catalog.Catalog is { } known && known.Departments.All(d => d.Id != request.Department))
            {
                return TypedResults.BadRequest(new ApiError(
                    $"department \"{request.Department}\" is not in the catalog; choose one of its departments, or set notInCatalog to issue it anyway"));
            }

            var issued = IssuedKey.For(request.Department!);
            await audit.RecordAsync("key.issue", user.Actor(), request.Department!, $"{issued.EntryName} ({Prefix(issued.Entry.Sha256)})");
            await settings.ChangeAsync(Section, entries =>
            {
                entries[issued.EntryName] = JsonSerializer.SerializeToNode(issued.Entry);
                return true;
            }, ct);
            return TypedResults.Created(
                $"/api/v1/keys/{issued.EntryName}",
                new IssuedKeyView(issued.Key, issued.Entry.Department, issued.EntryName, Prefix(issued.Entry.Sha256)));
        });

        keys.MapDelete("/{entryName}", async Task<Results<NoContent, NotFound<ApiError>, Conflict<ApiError>>> (
            string entryName, SettingsFileEditor settings, AuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (settings.Path is null)
            {
                return TypedResults.Conflict(new ApiError(SettingsFileEditor.NotConfigured));
            }

            if (!(await settings.EntriesAsync(Section, ct)).TryGetValue(entryName, out var entry))
            {
                return TypedResults.NotFound(new ApiError(
                    $"no key entry \"{entryName}\" in the settings file; a key configured in appsettings.json or an environment variable is removed there"));
            }

            var department = entry["Department"]?.GetValue<string>() ?? "";
            await audit.RecordAsync("key.revoke", user.Actor(), department, $"{entryName} ({Prefix(entry["Sha256"]?.GetValue<string>() ?? "")})");
            await settings.ChangeAsync(Section, entries => entries.Remove(entryName), ct);
            return TypedResults.NoContent();
        });
        return app;
    }

    private static string Prefix(string hash) => hash.Length >= 12 ? hash[..12] : hash;
}
