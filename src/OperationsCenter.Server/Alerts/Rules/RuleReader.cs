using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;
using YamlDotNet.RepresentationModel;
using Fields = System.Collections.Generic.Dictionary<string, OperationsCenter.Server.Alerts.Rules.YamlEntry>;

namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>
/// Reads one rule of a rule file into an <see cref="AlertRule"/>. Every problem is collected rather than stopping at
/// the first, so one edit can fix them all.
/// </summary>
internal sealed partial class RuleReader
{
    private static readonly TimeSpan MinWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxWindow = TimeSpan.FromHours(1);

    private readonly string _file;
    private readonly int _index;
    private readonly List<RuleLoadError> _errors;
    private readonly int _errorsBefore;
    private string? _name;

    private RuleReader(string file, int index, List<RuleLoadError> errors)
    {
        _file = file;
        _index = index;
        _errors = errors;
        _errorsBefore = errors.Count;
    }

    /// <summary>
    /// The rule at 1-based position <paramref name="index"/> of <paramref name="file"/>, or null when it has errors
    /// (added to <paramref name="errors"/>).
    /// </summary>
    public static AlertRule? Read(string file, int index, YamlNode node, List<RuleLoadError> errors) =>
        new RuleReader(file, index, errors).Read(node);

    private AlertRule? Read(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(null, $"is {Describe(node)}; expected a mapping of fields (name, kind, match, ...)", node);
            return null;
        }

        var fields = Entries(mapping, null);
        _name = ReadName(fields, mapping);
        var kind = Choice<RuleKind>(fields, "kind", mapping, required: true, "a rule kind");
        CheckKeys(fields, kind);

        var match = ReadMatch(fields, mapping, kind);
        var severity = Choice<AlertSeverity>(fields, "severity", mapping, required: true, "a severity");
        var owner = Identifier(fields, "owner", mapping, "a department id like trung-tam-phvhcc");
        var title = Text(fields, "title", mapping);
        var description = Text(fields, "description", mapping);
        var escalateAfter = Duration(fields, "escalate_after", mapping, required: false, positive: true);
        var repeatInterval = Duration(fields, "repeat_interval", mapping, required: false, positive: true);

        var rule = kind is { } k && match is not null && severity is { } s && owner is not null && title is not null && description is not null
            ? new AlertRule(_name ?? "", k, match, s, owner, title, description) { EscalateAfter = escalateAfter, RepeatInterval = repeatInterval }
            : null;

        // Kind parameters are read even when the common part failed, so their errors show in the same load.
        rule = kind switch
        {
            RuleKind.Threshold => WithComparison(rule, fields, mapping, RuleKind.Threshold),
            RuleKind.Window => WithWindow(rule, fields, mapping),
            RuleKind.Rate => WithRate(rule, fields, mapping),
            RuleKind.Ratio => WithRatio(rule, fields, mapping),
            RuleKind.Deadman => WithDeadman(rule, fields, mapping),
            RuleKind.Deadline => WithDeadline(rule, fields, mapping),
            _ => null,
        };

        return _errors.Count == _errorsBefore ? rule : null;
    }

    private string? ReadName(Fields fields, YamlMappingNode mapping)
    {
        if (!fields.TryGetValue("name", out var entry))
        {
            Error("name", "is missing; expected a unique id like overdue-dossiers-rising", mapping);
            return null;
        }

        if (entry.Value is not YamlScalarNode scalar || IsEmpty(scalar))
        {
            Error("name", $"is {Describe(entry.Value)}; expected a unique id like overdue-dossiers-rising", entry.Value);
            return null;
        }

        var name = scalar.Value!;
        if (!IdPattern().IsMatch(name))
        {
            Error("name", $"\"{name}\" is not a valid id; expected ASCII letters, digits, '.', '_' or '-' like overdue-dossiers-rising", scalar);
        }

        return name;
    }

    private void CheckKeys(Fields fields, RuleKind? kind)
    {
        var allowed = kind is { } k ? RuleFields.ByKind[k] : RuleFields.All;
        foreach (var (key, entry) in fields)
        {
            if (allowed.Contains(key))
            {
                continue;
            }

            if (RuleFields.All.Contains(key))
            {
                Error(key, $"does not apply to {Lower(kind)} rules", entry.Key);
            }
            else
            {
                var expected = kind is { } known ? string.Join(", ", RuleFields.ByKind[known].Order(StringComparer.Ordinal)) : "see rules/demo.yaml";
                Error(key, $"is not a rule field; expected one of {expected}", entry.Key);
            }
        }
    }

    private SeriesMatcher? ReadMatch(Fields fields, YamlMappingNode rule, RuleKind? kind)
    {
        if (Mapping(fields, "match", rule, "a mapping with measurement, field and tags") is not { } node)
        {
            return null;
        }

        var match = Entries(node, "match");
        CheckNested(match, "match", RuleFields.Match);
        var measurement = Scalar(match, "match.measurement", "measurement", node, required: true, "a measurement name or pattern like dossiers");

        string? field;
        if (kind == RuleKind.Ratio)
        {
            if (match.TryGetValue("field", out var entry))
            {
                Error("match.field", "does not apply to ratio rules; they name their fields in numerator and denominator", entry.Key);
            }

            field = "*";
        }
        else
        {
            // Value rules must say what they test; deadman and deadline rules count any field unless told.
            var required = kind is RuleKind.Threshold or RuleKind.Window or RuleKind.Rate;
            field = Scalar(match, "match.field", "field", node, required, "a field name or pattern like overdue") ?? (required ? null : "*");
        }

        var tags = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (match.TryGetValue("tags", out var tagsEntry))
        {
            if (tagsEntry.Value is YamlMappingNode tagNode)
            {
                foreach (var (key, value) in Entries(tagNode, "match.tags"))
                {
                    if (value.Value is YamlScalarNode scalar && !IsEmpty(scalar))
                    {
                        tags[key] = scalar.Value!;
                    }
                    else
                    {
                        Error($"match.tags.{key}", $"is {Describe(value.Value)}; expected a tag value or pattern like \"xa-*\"", value.Value);
                    }
                }
            }
            else
            {
                Error("match.tags", $"is {Describe(tagsEntry.Value)}; expected a mapping of tag to value, like {{ department: \"xa-*\" }}", tagsEntry.Value);
            }
        }

        return measurement is not null && field is not null ? new SeriesMatcher(measurement, field, tags.ToImmutable()) : null;
    }

    private LocalizedText? Text(Fields fields, string key, YamlMappingNode rule)
    {
        if (Mapping(fields, key, rule, "a mapping with vi and en texts") is not { } node)
        {
            return null;
        }

        var texts = Entries(node, key);
        CheckNested(texts, key, RuleFields.Text);
        var vi = Template(texts, key, "vi", node);
        var en = Template(texts, key, "en", node);
        return vi is not null && en is not null ? new LocalizedText(vi, en) : null;
    }

    private string? Template(Fields texts, string parent, string language, YamlMappingNode node)
    {
        var path = $"{parent}.{language}";
        var text = Scalar(texts, path, language, node, required: true, $"the {(language == "vi" ? "Vietnamese" : "English")} text");
        if (text is null)
        {
            return null;
        }

        var unknown = AlertText.UnknownPlaceholders(text);
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", AlertText.Placeholders.Select(p => $"{{{p}}}"));
            Error(path, $"has unknown placeholder {string.Join(", ", unknown.Select(u => $"{{{u}}}"))}; expected {known} or {{tag:name}}", texts[language].Value);
        }

        return text;
    }

    private string? Identifier(Fields fields, string key, YamlMappingNode rule, string expected)
    {
        var text = Scalar(fields, key, key, rule, required: true, expected);
        if (text is not null && !IdPattern().IsMatch(text))
        {
            Error(key, $"\"{text}\" is not a valid id; expected {expected}", fields[key].Value);
            return null;
        }

        return text;
    }

    private static string Lower(RuleKind? kind) => kind?.ToString().ToLowerInvariant() ?? "these";

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}
