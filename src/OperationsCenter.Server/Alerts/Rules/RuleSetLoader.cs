using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>
/// Loads and validates the alert rules of a folder: every <c>*.yaml</c> and <c>*.yml</c> file directly in it, in
/// ordinal name order. Rule names are unique across the folder. A file with any error contributes no rules and marks
/// the whole load failed (<see cref="RuleSetLoad.Succeeded"/>), so the caller can keep the last good set. File
/// format: see <c>rules/demo.yaml</c>.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>File name endings that are read as rule files.</summary>
    public static readonly ImmutableArray<string> Extensions = [".yaml", ".yml"];

    /// <summary>Loads every rule file in <paramref name="directory"/>.</summary>
    public static RuleSetLoad Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(full))
        {
            return new RuleSetLoad([], [new RuleLoadError(directory, null, null, null, "is not a folder; expected the folder holding the rule files", null)], []);
        }

        // Errors name files as "rules/demo.yaml": short, yet says which folder when several are configured.
        var folder = Path.GetFileName(full);
        var files = Directory.EnumerateFiles(full)
            .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path: f, Display: $"{folder}/{Path.GetFileName(f)}"))
            .ToList();

        var errors = new List<RuleLoadError>();
        var rules = ImmutableArray.CreateBuilder<AlertRule>();
        var definedIn = new Dictionary<string, (string File, long Line)>(StringComparer.Ordinal);
        foreach (var (path, display) in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new RuleLoadError(display, null, null, null, $"cannot be read: {ex.Message}", null));
                continue;
            }

            var before = errors.Count;
            var fileRules = RuleFileReader.Read(display, text, errors);
            for (var i = 0; i < fileRules.Count; i++)
            {
                var (rule, line) = fileRules[i];
                if (definedIn.TryGetValue(rule.Name, out var first))
                {
                    var where = first.File == display ? $"earlier in this file (line {first.Line})" : $"in {first.File} (line {first.Line})";
                    errors.Add(new RuleLoadError(display, rule.Name, null, "name", $"\"{rule.Name}\" is already defined {where}; rule names must be unique", line));
                }
                else
                {
                    definedIn[rule.Name] = (display, line);
                }
            }

            if (errors.Count == before)
            {
                rules.AddRange(fileRules.Select(r => r.Rule));
            }
        }

        return new RuleSetLoad(rules.ToImmutable(), [.. errors], [.. files.Select(f => f.Display)]);
    }
}
