using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Audit;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Admin;

/// <summary>
/// <c>/api/v1/people</c>: who signs in with a password. Adding, changing roles and removing write
/// <c>OperationsCenter:Auth:Users</c> entries in the settings file (password hashes only, as <c>users add</c> prints
/// them); a removed person or role takes effect on their next request. Administrators only; every change is audited.
/// </summary>
internal static class PeopleApi
{
    private const string Section = "Auth:Users";
    private static readonly JsonSerializerOptions EntryJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people").RequireAuthorization(Policies.Admin);

        people.MapGet("/", async (IOptionsMonitor<AuthOptions> options, SettingsFileEditor settings, CancellationToken ct) =>
        {
            var inFile = await settings.EntriesAsync(Section, ct);
            return TypedResults.Ok(options.CurrentValue.Users
                .Select(u => new PersonView(
                    u.Name, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Name : u.DisplayName, u.Roles,
                    EntryOf(inFile, u.Name) is { } entry && !settings.DefinedElsewhere($"OperationsCenter:{Section}:{entry}:Name")))
                .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToList());
        });

        people.MapPost("/", async Task<Results<Created<PersonView>, BadRequest<ApiError>, Conflict<ApiError>>> (
            PersonRequest request, IOptionsMonitor<AuthOptions> options, SettingsFileEditor settings, AuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (settings.Path is null)
            {
                return TypedResults.Conflict(new ApiError(SettingsFileEditor.NotConfigured));
            }

            var (account, problem) = PersonEntry.Create(request.Name?.Trim(), request.DisplayName, request.Roles, request.Password);
            if (account is null)
            {
                return TypedResults.BadRequest(new ApiError(problem!));
            }

            if (options.CurrentValue.Users.Any(u => string.Equals(u.Name, account.Name, StringComparison.OrdinalIgnoreCase))
                || EntryOf(await settings.EntriesAsync(Section, ct), account.Name) is not null)
            {
                return TypedResults.Conflict(new ApiError($"\"{account.Name}\" already signs in here; change their roles instead, or choose another name"));
            }

            await audit.RecordAsync("person.add", user.Actor(), account.Name, string.Join(",", account.Roles));
            await settings.ChangeAsync(Section, entries =>
            {
                entries[account.Name] = JsonSerializer.SerializeToNode(account, EntryJson);
                return true;
            }, ct);
            return TypedResults.Created($"/api/v1/people/{Uri.EscapeDataString(account.Name)}",
                new PersonView(account.Name, account.DisplayName ?? account.Name, account.Roles, true));
        });

        people.MapPut("/{name}", async Task<Results<Ok<PersonView>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> (
            string name, RolesRequest request, SettingsFileEditor settings, AuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (PersonEntry.RolesProblem(request.Roles) is { } problem)
            {
                return TypedResults.BadRequest(new ApiError(problem));
            }

            var roles = request.Roles!.Distinct().ToList();
            if (IsSelf(user, name) && !roles.Contains(Roles.Admin))
            {
                return TypedResults.Conflict(new ApiError("you cannot take away your own admin role: another administrator has to"));
            }

            if (await EditableEntryAsync(settings, name, ct) is { } refusal)
            {
                return refusal.Status == 404 ? TypedResults.NotFound(refusal.Error) : TypedResults.Conflict(refusal.Error);
            }

            PersonView? changed = null;
            await audit.RecordAsync("person.roles", user.Actor(), name, string.Join(",", roles));
            await settings.ChangeAsync(Section, entries =>
            {
                var entry = (JsonObject)entries[EntryOf(entries, name)!]!;
                entry["Roles"] = JsonSerializer.SerializeToNode(roles);
                if (!string.IsNullOrWhiteSpace(request.DisplayName))
                {
                    entry["DisplayName"] = request.DisplayName.Trim();
                }

                var display = entry["DisplayName"]?.GetValue<string>();
                changed = new PersonView(entry["Name"]?.GetValue<string>() ?? name, string.IsNullOrWhiteSpace(display) ? name : display, roles, true);
                return true;
            }, ct);
            return TypedResults.Ok(changed!);
        });

        people.MapDelete("/{name}", async Task<Results<NoContent, NotFound<ApiError>, Conflict<ApiError>>> (
            string name, SettingsFileEditor settings, AuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (IsSelf(user, name))
            {
                return TypedResults.Conflict(new ApiError("you cannot remove yourself (and with it your admin role): another administrator has to"));
            }

            if (await EditableEntryAsync(settings, name, ct) is { } refusal)
            {
                return refusal.Status == 404 ? TypedResults.NotFound(refusal.Error) : TypedResults.Conflict(refusal.Error);
            }

            await audit.RecordAsync("person.remove", user.Actor(), name);
            await settings.ChangeAsync(Section, entries => entries.Remove(EntryOf(entries, name)!), ct);
            return TypedResults.NoContent();
        });
        return app;
    }

    private static bool IsSelf(ClaimsPrincipal user, string name) => string.Equals(user.Actor(), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the person cannot be changed here (404 or 409), or null when their entry is the settings file's alone.</summary>
    private static async Task<(int Status, ApiError Error)?> EditableEntryAsync(SettingsFileEditor settings, string name, CancellationToken ct)
    {
        if (settings.Path is null)
        {
            return (409, new ApiError(SettingsFileEditor.NotConfigured));
        }

        if (EntryOf(await settings.EntriesAsync(Section, ct), name) is not { } entry)
        {
            return (404, new ApiError($"\"{name}\" is not in the settings file; a person configured in appsettings.json or an environment variable is changed there"));
        }

        return settings.DefinedElsewhere($"OperationsCenter:{Section}:{entry}:Name")
            ? (409, new ApiError($"\"{name}\" is also configured outside the settings file (appsettings.json or an environment variable); change them there"))
            : null;
    }

    /// <summary>The name of the entry for the person <paramref name="name"/> (entries are keyed by name, but the file may say otherwise).</summary>
    private static string? EntryOf(IEnumerable<KeyValuePair<string, JsonObject>> entries, string name) =>
        entries.FirstOrDefault(e => string.Equals(e.Value["Name"]?.GetValue<string>() ?? e.Key, name, StringComparison.OrdinalIgnoreCase)).Key;

    private static string? EntryOf(JsonObject entries, string name) =>
        EntryOf(entries.Where(e => e.Value is JsonObject).Select(e => KeyValuePair.Create(e.Key, (JsonObject)e.Value!)), name);
}
