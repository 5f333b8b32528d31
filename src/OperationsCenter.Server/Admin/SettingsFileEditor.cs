using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OperationsCenter.Server.Admin;

/// <summary>
/// Changes the settings file (<c>OperationsCenter:SettingsFile</c>) for the admin screens: department keys and people
/// as named entries, as the commands print them. One change at a time; written to a temporary file and renamed, so a
/// crash leaves the old file or the new one, never half of one; configuration is reloaded before the caller answers,
/// so a new key or person works at once.
/// </summary>
internal sealed class SettingsFileEditor(IConfiguration configuration, IWebHostEnvironment environment)
{
    /// <summary>The answer when no settings file is configured.</summary>
    public const string NotConfigured =
        "no settings file is configured: set OperationsCenter:SettingsFile (e.g. OperationsCenter__SettingsFile=/etc/operations-center/settings.json, " +
        "a JSON file holding {}) and restart the center; keys and people added here are kept in it";

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The file's full path; null when none is configured.</summary>
    public string? Path => configuration["OperationsCenter:SettingsFile"] is { Length: > 0 } file
        ? System.IO.Path.GetFullPath(file, environment.ContentRootPath)
        : null;

    /// <summary>The named entries of a section of the file (e.g. <c>DepartmentKeys</c>, <c>Auth:Users</c>); empty when absent.</summary>
    public async Task<IReadOnlyDictionary<string, JsonObject>> EntriesAsync(string section, CancellationToken ct = default)
    {
        if (Path is not { } path)
        {
            return new Dictionary<string, JsonObject>();
        }

        await _gate.WaitAsync(ct);
        try
        {
            var root = await ReadAsync(path, ct);
            return Section(root, section, create: false) is { } entries
                ? entries.Where(e => e.Value is JsonObject).ToDictionary(e => e.Key, e => (JsonObject)e.Value!.DeepClone(), StringComparer.Ordinal)
                : new Dictionary<string, JsonObject>();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the named entries of <paramref name="section"/> under <c>OperationsCenter</c>
    /// and writes the file when it returns true. Returns what the change returned.
    /// </summary>
    /// <exception cref="InvalidOperationException">No settings file is configured.</exception>
    public async Task<bool> ChangeAsync(string section, Func<JsonObject, bool> change, CancellationToken ct = default)
    {
        var path = Path ?? throw new InvalidOperationException(NotConfigured);
        await _gate.WaitAsync(ct);
        try
        {
            var root = await ReadAsync(path, ct);
            if (!change(Section(root, section, create: true)!))
            {
                return false;
            }

            var temp = path + $".{Guid.NewGuid():N}.tmp";
            await File.WriteAllTextAsync(temp, root.ToJsonString(WriteOptions) + "\n", new UTF8Encoding(false), ct);
            if (!OperatingSystem.IsWindows() && File.Exists(path))
            {
                // It holds password hashes: keep whatever permissions the administrator gave it.
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            File.Move(temp, path, overwrite: true);

            // The file watcher would see it within a second or two; reloading now makes the change hold before we answer.
            (configuration as IConfigurationRoot)?.Reload();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Whether a configuration source other than the settings file sets <paramref name="key"/> (say,
    /// <c>OperationsCenter:Auth:Users:quantri:Name</c>): such an entry is merged with the file's by position, so the
    /// screens leave it to whoever configured it.
    /// </summary>
    public bool DefinedElsewhere(string key) =>
        configuration is IConfigurationRoot root && root.Providers.Any(p => !IsSettingsFile(p) && p.TryGet(key, out _));

    private bool IsSettingsFile(IConfigurationProvider provider) =>
        provider is Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider { Source: { Path: { } file, FileProvider: Microsoft.Extensions.FileProviders.PhysicalFileProvider files } }
        && string.Equals(System.IO.Path.Combine(files.Root, file), Path, StringComparison.Ordinal);

    private static async Task<JsonObject> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = await File.ReadAllTextAsync(path, ct);
        return string.IsNullOrWhiteSpace(text)
            ? []
            : JsonNode.Parse(text, documentOptions: ReadOptions) as JsonObject
              ?? throw new InvalidOperationException($"the settings file {path} does not hold a JSON object");
    }

    /// <summary>The object at OperationsCenter:<paramref name="section"/> (colon-separated), created on the way when asked.</summary>
    private static JsonObject? Section(JsonObject root, string section, bool create)
    {
        var node = root;
        foreach (var part in ("OperationsCenter:" + section).Split(':'))
        {
            // Configuration keys are case-insensitive; the file may spell them either way.
            var existing = node.FirstOrDefault(p => string.Equals(p.Key, part, StringComparison.OrdinalIgnoreCase));
            if (existing.Value is JsonObject child)
            {
                node = child;
            }
            else if (!create)
            {
                return null;
            }
            else
            {
                if (existing.Key is not null)
                {
                    // A list here would be merged with named entries by index; named entries are what the commands write.
                    throw new InvalidOperationException($"OperationsCenter:{section} in the settings file is not an object of named entries");
                }

                child = [];
                node[part] = child;
                node = child;
            }
        }

        return node;
    }
}
