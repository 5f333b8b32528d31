using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OperationsCenter.Server.Alerts.Rules;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Audit;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Alerts;

/// <summary>
/// <c>/api/v1/rules/files</c>: administrators read and replace rule files over HTTP. A new file is checked together
/// with the others before it is written, so a bad edit is refused with the loader's errors instead of leaving the
/// center on its last good set, and every change is recorded with who made it.
/// </summary>
internal static partial class RuleFilesApi
{
    private const int MaxFileBytes = 1024 * 1024;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRuleFilesApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/v1/rules/files").RequireAuthorization(Policies.Admin);

        files.MapGet("/", (RuleStatus status) => TypedResults.Ok(Directory.Exists(status.Snapshot().Directory)
            ? Directory.EnumerateFiles(status.Snapshot().Directory).Select(Path.GetFileName).Where(IsRuleFile).Order(StringComparer.Ordinal).ToList()
            : []));

        files.MapGet("/{name}", Results<ContentHttpResult, NotFound<ApiError>, BadRequest<ApiError>> (string name, RuleStatus status) =>
        {
            if (!IsRuleFile(name))
            {
                return TypedResults.BadRequest(new ApiError(NameRule));
            }

            var path = Path.Combine(status.Snapshot().Directory, name);
            return File.Exists(path)
                ? TypedResults.Text(File.ReadAllText(path), "application/yaml; charset=utf-8")
                : TypedResults.NotFound(new ApiError($"no rule file {name}"));
        });

        files.MapPut("/{name}", async Task<Results<NoContent, BadRequest<RuleFileRejection>, BadRequest<ApiError>>> (
            string name, HttpRequest request, RuleStatus status, AuditLog audit, RuleFileWatcher watcher, System.Security.Claims.ClaimsPrincipal user) =>
        {
            if (!IsRuleFile(name))
            {
                return TypedResults.BadRequest(new ApiError(NameRule));
            }

            var text = await ReadTextAsync(request);
            if (text is null)
            {
                return TypedResults.BadRequest(new ApiError(BodyRule));
            }

            var directory = status.Snapshot().Directory;
            var errors = Check(directory, name, text);
            if (errors.Count > 0)
            {
                return TypedResults.BadRequest(new RuleFileRejection($"{name} was not saved: the rules in force are unchanged", [.. errors.Select(e => e.Message)], errors));
            }

            // Recorded first: a change that cannot be recorded (say, a full disk) is not made.
            await audit.RecordAsync("rule.put", user.Actor(), name, $"{Encoding.UTF8.GetByteCount(text)} bytes");
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
            await File.WriteAllTextAsync(temp, text, Encoding.UTF8);
            await watcher.ChangeAsync(user.Actor(), () => File.Move(temp, Path.Combine(directory, name), overwrite: true));
            return TypedResults.NoContent();
        });

        files.MapDelete("/{name}", async Task<Results<NoContent, NotFound<ApiError>, BadRequest<ApiError>>> (
            string name, RuleStatus status, AuditLog audit, RuleFileWatcher watcher, System.Security.Claims.ClaimsPrincipal user) =>
        {
            if (!IsRuleFile(name))
            {
                return TypedResults.BadRequest(new ApiError(NameRule));
            }

            var path = Path.Combine(status.Snapshot().Directory, name);
            if (!File.Exists(path))
            {
                return TypedResults.NotFound(new ApiError($"no rule file {name}"));
            }

            await audit.RecordAsync("rule.delete", user.Actor(), name);
            await watcher.ChangeAsync(user.Actor(), () => File.Delete(path));
            return TypedResults.NoContent();
        });
        return app;
    }

    /// <summary>What a rule file's body must be, for error messages.</summary>
    internal static readonly string BodyRule = $"the body must be the YAML rule file, UTF-8, at most {MaxFileBytes / 1024} KiB";

    /// <summary>What a rule file's name looks like, for error messages.</summary>
    internal const string NameRule = "a rule file name is lower-case letters, digits, '.', '_' or '-', ending in .yaml or .yml (e.g. network.yaml)";

    /// <summary>Whether <paramref name="name"/> is a rule file's name.</summary>
    internal static bool IsRuleFile(string? name) => name is { Length: <= 100 } && RuleFileName().IsMatch(name);

    /// <summary>The loader's errors for the folder as it would be with the new file.</summary>
    internal static List<RuleLoadError> Check(string directory, string name, string text)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "oc-rules-" + Guid.NewGuid().ToString("N"), Path.GetFileName(directory));
        Directory.CreateDirectory(scratch);
        try
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.EnumerateFiles(directory).Where(f => IsRuleFile(Path.GetFileName(f))))
                {
                    File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));
                }
            }

            File.WriteAllText(Path.Combine(scratch, name), text, Encoding.UTF8);
            return [.. RuleSetLoader.Load(scratch).Errors];
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(scratch)!, recursive: true);
        }
    }

    /// <summary>The request's body as UTF-8 text; null when it is too large or not UTF-8.</summary>
    internal static async Task<string?> ReadTextAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxFileBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length > MaxFileBytes)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*\\.ya?ml$")]
    private static partial Regex RuleFileName();
}
