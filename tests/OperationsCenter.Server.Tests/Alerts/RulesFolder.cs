namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>A temporary rules folder holding one YAML file, for a test server of its own.</summary>
internal sealed class RulesFolder : IDisposable
{
    private RulesFolder(string path) => Path = path;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Creates the folder with <paramref name="fileName"/> holding <paramref name="yaml"/>.</summary>
    public static async Task<RulesFolder> CreateAsync(string fileName, string yaml)
    {
        var folder = new RulesFolder(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oc-rules-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(folder.Path);
        await File.WriteAllTextAsync(System.IO.Path.Combine(folder.Path, fileName), yaml);
        return folder;
    }

    /// <summary>Server settings that read rules from this folder, plus <paramref name="more"/>.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["OperationsCenter:Alerts:RulesDirectory"] = Path };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
