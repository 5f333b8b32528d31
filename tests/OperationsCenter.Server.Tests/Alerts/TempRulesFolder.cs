namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>A throwaway rules folder; files are written into it and it is deleted afterwards.</summary>
internal sealed class TempRulesFolder : IDisposable
{
    public TempRulesFolder()
    {
        Path = Directory.CreateTempSubdirectory("rules-").FullName;
    }

    public string Path { get; }

    /// <summary>How errors name a file in this folder: "folder/name".</summary>
    public string Display(string file) => $"{System.IO.Path.GetFileName(Path)}/{file}";

    public TempRulesFolder Write(string file, string yaml)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), yaml);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
