using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OperationsCenter.Catalog;

/// <summary>
/// Reads and validates a catalog file (format in <c>catalog/laichau.yaml</c>'s header). Every problem is collected, so
/// one run of the reader lists all of them, each naming the file, the entry, the field and the line.
/// </summary>
public sealed partial class CatalogReader
{
    private static readonly string[] RootKeys = ["province", "departments", "metrics"];
    private static readonly string[] ProvinceKeys = ["id", "name"];
    private static readonly string[] DepartmentKeys = ["id", "name", "kind"];
    private static readonly string[] MetricKeys =
        ["id", "measurement", "field", "name", "unit", "good", "headline", "aggregate", "start", "levels", "unit_levels", "card", "short", "states"];

    private static readonly string[] LevelKeys = ["watch", "alarm"];

    private readonly string _file;
    private readonly List<CatalogError> _errors = [];

    private CatalogReader(string file) => _file = file;

    /// <summary>Reads the file at <paramref name="path"/>; throws <see cref="CatalogException"/> listing every problem.</summary>
    public static ProvinceCatalog Load(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        if (!File.Exists(path))
        {
            throw new CatalogException([new CatalogError(name, null, null, $"does not exist (looked for {Path.GetFullPath(path)})", null)]);
        }

        return Read(name, File.ReadAllText(path));
    }

    /// <summary>Reads catalog YAML; <paramref name="file"/> names it in errors. Throws <see cref="CatalogException"/>.</summary>
    public static ProvinceCatalog Read(string file, string yaml)
    {
        var reader = new CatalogReader(file);
        var catalog = reader.ReadDocument(yaml);
        return reader._errors.Count > 0 || catalog is null ? throw new CatalogException(reader._errors) : catalog;
    }

    private ProvinceCatalog? ReadDocument(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            Error(null, null, $"is not valid YAML: {(ex.InnerException?.Message ?? ex.Message).Trim()}", ex.Start.Line);
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(null, null, "expected one YAML document: a mapping with province, departments and metrics", null);
            return null;
        }

        var fields = Fields(root, null, RootKeys);
        var province = ReadProvince(Required(fields, null, "province", root));
        var departments = ReadList(Required(fields, null, "departments", root), "departments", ReadDepartment);
        var metrics = ReadList(Required(fields, null, "metrics", root), "metrics", ReadMetric);
        Unique(departments, d => d.Id, d => $"department \"{d.Id}\"");
        Unique(metrics, m => m.Id, m => $"metric \"{m.Id}\"");
        UniqueCards(metrics);
        return province is null ? null : new ProvinceCatalog(province, [.. departments], [.. metrics]);
    }

    private CatalogProvince? ReadProvince(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        const string entry = "province";
        var fields = Fields(node, entry, ProvinceKeys);
        var id = Id(fields, entry, node);
        var name = Localized(fields, entry, "name", node);
        return id is not null && name is not null ? new CatalogProvince(id, name) : null;
    }

    private CatalogDepartment? ReadDepartment(YamlNode node, int index)
    {
        var fields = Fields(node, $"department #{index}", DepartmentKeys);
        var id = Id(fields, $"department #{index}", node);
        var entry = id is null ? $"department #{index}" : $"department #{index} \"{id}\"";
        var name = Text(fields, entry, "name", node);
        var kind = Choice<DepartmentKind>(fields, entry, "kind", node);
        return id is not null && name is not null && kind is not null ? new CatalogDepartment(id, name, kind.Value) : null;
    }

    private CatalogMetric? ReadMetric(YamlNode node, int index)
    {
        var fields = Fields(node, $"metric #{index}", MetricKeys);
        var id = Text(fields, $"metric #{index}", "id", node);
        var entry = id is null ? $"metric #{index}" : $"metric \"{id}\"";
        var measurement = Name(fields, entry, "measurement", node);
        var field = Name(fields, entry, "field", node);
        if (id is not null && measurement is not null && field is not null && id != $"{measurement}.{field}")
        {
            Error(entry, "id", $"\"{id}\" must be \"{measurement}.{field}\" (measurement.field)", fields["id"].Start.Line);
        }

        var name = Localized(fields, entry, "name", node);
        var unit = Localized(fields, entry, "unit", node);
        var good = Choice<MetricDirection>(fields, entry, "good", node);
        var aggregate = Choice<MetricAggregate>(fields, entry, "aggregate", node);
        var headline = Boolean(fields, entry, "headline");
        var start = Number(fields, entry, "start");
        var levels = Levels(fields, entry, "levels", good);
        var unitLevels = Levels(fields, entry, "unit_levels", good);
        var card = Card(fields, entry);
        var shortName = fields.ContainsKey("short") ? Localized(fields, entry, "short", node) : null;
        var states = States(fields, entry);
        return id is not null && measurement is not null && field is not null && name is not null && unit is not null
            && good is not null && aggregate is not null && headline is not null
            ? new CatalogMetric(id, measurement, field, name, unit, good.Value, headline.Value, aggregate.Value, start)
            {
                Levels = levels,
                UnitLevels = unitLevels,
                Card = card,
                Short = shortName,
                States = states,
            }
            : null;
    }

    /// <summary>Optional <c>{ 0: { vi, en }, 1: { vi, en } }</c>: names of values that are states, keyed by the number.</summary>
    private IReadOnlyDictionary<string, LocalizedText>? States(Dictionary<string, YamlNode> fields, string entry)
    {
        if (!fields.TryGetValue("states", out var node))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            Error(entry, "states", "expected { 0: { vi: \"...\", en: \"...\" }, 1: { ... } }", node.Start.Line);
            return null;
        }

        var states = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var text = ((YamlScalarNode)key).Value ?? "";
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                Error(entry, "states", $"\"{text}\" is not a number: a state is named for the value it has", key.Start.Line);
                continue;
            }

            var field = $"states.{text}";
            if (Localized(new Dictionary<string, YamlNode> { [field] = value }, entry, field, mapping) is { } name)
            {
                states[number.ToString(CultureInfo.InvariantCulture)] = name;
            }
        }

        return states;
    }

    /// <summary>
    /// Optional <c>{ watch: N, alarm: M }</c>; both required, alarm on the bad side of (or equal to) watch as
    /// <paramref name="good"/> reads it.
    /// </summary>
    private MetricLevels? Levels(Dictionary<string, YamlNode> fields, string entry, string field, MetricDirection? good)
    {
        if (!fields.TryGetValue(field, out var node))
        {
            return null;
        }

        if (node is not YamlMappingNode)
        {
            Error(entry, field, "expected { watch: <number>, alarm: <number> }", node.Start.Line);
            return null;
        }

        // Keyed by the dotted name, so errors say "levels.alarm".
        var bands = Fields(node, entry, LevelKeys, field).ToDictionary(p => $"{field}.{p.Key}", p => p.Value);
        var watch = Required(bands, entry, $"{field}.watch", node) is null ? null : Number(bands, entry, $"{field}.watch");
        var alarm = Required(bands, entry, $"{field}.alarm", node) is null ? null : Number(bands, entry, $"{field}.alarm");
        if (watch is null || alarm is null)
        {
            return null;
        }

        // A bad good was reported already; the order cannot be judged without it.
        if (good == MetricDirection.Up && alarm > watch)
        {
            Error(entry, $"{field}.alarm", $"{Format(alarm.Value)} must be at or below watch ({Format(watch.Value)}): with good: up, lower is worse", bands[$"{field}.alarm"].Start.Line);
            return null;
        }

        if (good == MetricDirection.Down && alarm < watch)
        {
            Error(entry, $"{field}.alarm", $"{Format(alarm.Value)} must be at or above watch ({Format(watch.Value)}): with good: down, higher is worse", bands[$"{field}.alarm"].Start.Line);
            return null;
        }

        return good is null ? null : new MetricLevels(watch.Value, alarm.Value);
    }

    /// <summary>Optional positive whole number: the metric's place on the units' cards.</summary>
    private int? Card(Dictionary<string, YamlNode> fields, string entry)
    {
        if (!fields.TryGetValue("card", out var node))
        {
            return null;
        }

        var text = (node as YamlScalarNode)?.Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var card) && card > 0)
        {
            return card;
        }

        Error(entry, "card", $"\"{text}\" is not a positive whole number (1 is shown first)", node.Start.Line);
        return null;
    }

    /// <summary>Two metrics on one card place would leave their order to chance.</summary>
    private void UniqueCards(List<CatalogMetric> metrics)
    {
        foreach (var group in metrics.Where(m => m.Card is not null).GroupBy(m => m.Card).Where(g => g.Count() > 1))
        {
            var others = string.Join(", ", group.Skip(1).Select(m => $"\"{m.Id}\""));
            Error($"metric \"{group.First().Id}\"", "card", $"{group.Key} is also the card of metric {others}; each card number is used once", null);
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private List<T> ReadList<T>(YamlNode? node, string key, Func<YamlNode, int, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (node is null)
        {
            return items;
        }

        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            Error(null, key, "expected a non-empty list", node.Start.Line);
            return items;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (read(sequence.Children[i], i + 1) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private void Unique<T>(List<T> items, Func<T, string> key, Func<T, string> entry)
    {
        foreach (var group in items.GroupBy(key).Where(g => g.Count() > 1))
        {
            Error(entry(group.First()), "id", $"appears {group.Count()} times; ids must be unique", null);
        }
    }

    private Dictionary<string, YamlNode> Fields(YamlNode node, string? entry, string[] allowed, string? parent = null)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Error(entry, null, $"expected a mapping with {string.Join(", ", allowed)}", node.Start.Line);
            return fields;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
            {
                Error(entry, parent is null ? name : $"{parent}.{name}", $"is not a known field; expected one of {string.Join(", ", allowed)}", key.Start.Line);
            }
            else
            {
                fields[name] = value;
            }
        }

        return fields;
    }

    private YamlNode? Required(Dictionary<string, YamlNode> fields, string? entry, string field, YamlNode parent)
    {
        if (fields.TryGetValue(field, out var node))
        {
            return node;
        }

        // A non-mapping parent was reported already.
        if (parent is YamlMappingNode)
        {
            Error(entry, field, "is missing", parent.Start.Line);
        }

        return null;
    }

    private string? Text(Dictionary<string, YamlNode> fields, string? entry, string field, YamlNode parent)
    {
        var node = Required(fields, entry, field, parent);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Error(entry, field, "must be a non-empty text", node.Start.Line);
            return null;
        }

        return value.Trim();
    }

    private string? Id(Dictionary<string, YamlNode> fields, string entry, YamlNode parent)
    {
        var id = Text(fields, entry, "id", parent);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            Error(entry, "id", $"\"{id}\" must be ASCII: lower-case letters, digits and single '-' (e.g. xa-muong-kim)", fields["id"].Start.Line);
            return null;
        }

        return id;
    }

    private string? Name(Dictionary<string, YamlNode> fields, string entry, string field, YamlNode parent)
    {
        var name = Text(fields, entry, field, parent);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            Error(entry, field, $"\"{name}\" must be ASCII: lower-case letters, digits and '_'", fields[field].Start.Line);
            return null;
        }

        return name;
    }

    private LocalizedText? Localized(Dictionary<string, YamlNode> fields, string entry, string field, YamlNode parent)
    {
        var node = Required(fields, entry, field, parent);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode)
        {
            Error(entry, field, "expected { vi: \"...\", en: \"...\" }", node.Start.Line);
            return null;
        }

        // Keyed by the dotted name, so errors say "name.en".
        var languages = Fields(node, entry, ["vi", "en"]).ToDictionary(p => $"{field}.{p.Key}", p => p.Value);
        var vi = Text(languages, entry, $"{field}.vi", node);
        var en = Text(languages, entry, $"{field}.en", node);
        return vi is not null && en is not null ? new LocalizedText(vi, en) : null;
    }

    private T? Choice<T>(Dictionary<string, YamlNode> fields, string entry, string field, YamlNode parent)
        where T : struct, Enum
    {
        var text = Text(fields, entry, field, parent);
        if (text is null)
        {
            return null;
        }

        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        if (!names.Contains(text))
        {
            Error(entry, field, $"\"{text}\" is not one of {string.Join(" | ", names)}", fields[field].Start.Line);
            return null;
        }

        return Enum.Parse<T>(text, ignoreCase: true);
    }

    private bool? Boolean(Dictionary<string, YamlNode> fields, string entry, string field)
    {
        if (!fields.TryGetValue(field, out var node))
        {
            return false;
        }

        var text = (node as YamlScalarNode)?.Value;
        if (text is "true" or "false")
        {
            return text == "true";
        }

        Error(entry, field, $"\"{text}\" is not true or false", node.Start.Line);
        return null;
    }

    private double? Number(Dictionary<string, YamlNode> fields, string entry, string field)
    {
        if (!fields.TryGetValue(field, out var node))
        {
            return null;
        }

        var text = (node as YamlScalarNode)?.Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Error(entry, field, $"\"{text}\" is not a number (write 81.6, not 81,6)", node.Start.Line);
        return null;
    }

    private void Error(string? entry, string? field, string problem, long? line) =>
        _errors.Add(new CatalogError(_file, entry, field, problem, line));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex NamePattern();
}
