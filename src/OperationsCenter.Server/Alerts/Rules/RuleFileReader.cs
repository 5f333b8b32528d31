using OperationsCenter.Grains.Alerts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>Reads one rule file: a single YAML document whose only key is <c>rules</c>, a list of rules.</summary>
internal static class RuleFileReader
{
    private const string Expected = "expected a top-level \"rules:\" list (see rules/demo.yaml)";

    /// <summary>The rules of <paramref name="yaml"/> with their lines, and its problems added to <paramref name="errors"/>.</summary>
    public static List<(AlertRule Rule, long Line)> Read(string file, string yaml, List<RuleLoadError> errors)
    {
        var rules = new List<(AlertRule, long)>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // The parser's own words say what it tripped on; the mark says where.
            var reason = (ex.InnerException?.Message ?? ex.Message).Trim();
            errors.Add(new RuleLoadError(file, null, null, null, $"is not valid YAML: {reason}", ex.Start.Line));
            return rules;
        }

        if (stream.Documents.Count != 1)
        {
            var problem = stream.Documents.Count == 0 ? $"is empty; {Expected}" : $"holds {stream.Documents.Count} YAML documents; expected one";
            errors.Add(new RuleLoadError(file, null, null, null, problem, null));
            return rules;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            errors.Add(new RuleLoadError(file, null, null, null, $"does not start with a mapping; {Expected}", root.Start.Line));
            return rules;
        }

        YamlNode? list = null;
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: "rules" })
            {
                list = value;
            }
            else
            {
                errors.Add(new RuleLoadError(file, null, null, key.ToString(), $"is not a top-level key; {Expected}", key.Start.Line));
            }
        }

        switch (list)
        {
            case null:
                errors.Add(new RuleLoadError(file, null, null, "rules", $"is missing; {Expected}", root.Start.Line));
                break;
            case YamlScalarNode { Value: null or "" or "~" or "null" }:
                // "rules:" with nothing under it: a file with no rules yet.
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (RuleReader.Read(file, i + 1, sequence.Children[i], errors) is { } rule)
                    {
                        rules.Add((rule, sequence.Children[i].Start.Line));
                    }
                }

                break;
            default:
                errors.Add(new RuleLoadError(file, null, null, "rules", $"is not a list; {Expected}", list.Start.Line));
                break;
        }

        return rules;
    }
}
