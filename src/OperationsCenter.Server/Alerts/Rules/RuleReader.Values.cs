using System.Globalization;
using YamlDotNet.RepresentationModel;
using Fields = System.Collections.Generic.Dictionary<string, OperationsCenter.Server.Alerts.Rules.YamlEntry>;

namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>Typed values out of YAML nodes, each failure reported against the field.</summary>
internal sealed partial class RuleReader
{
    private Fields Entries(YamlMappingNode mapping, string? parent)
    {
        var fields = new Fields(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } name })
            {
                fields[name] = new YamlEntry(key, value);
            }
            else
            {
                Error(parent, $"has a key that is {Describe(key)}; expected plain field names", key);
            }
        }

        return fields;
    }

    private void CheckNested(Fields fields, string parent, IReadOnlyList<string> allowed)
    {
        foreach (var (key, entry) in fields)
        {
            if (!allowed.Contains(key))
            {
                Error($"{parent}.{key}", $"is not a field of {parent}; expected one of {string.Join(", ", allowed)}", entry.Key);
            }
        }
    }

    private YamlMappingNode? Mapping(Fields fields, string key, YamlMappingNode parent, string expected)
    {
        if (!fields.TryGetValue(key, out var entry))
        {
            Error(key, $"is missing; expected {expected}", parent);
            return null;
        }

        if (entry.Value is YamlMappingNode mapping)
        {
            return mapping;
        }

        Error(key, $"is {Describe(entry.Value)}; expected {expected}", entry.Value);
        return null;
    }

    private string? Scalar(Fields fields, string path, string key, YamlMappingNode parent, bool required, string expected)
    {
        if (!fields.TryGetValue(key, out var entry))
        {
            if (required)
            {
                Error(path, $"is missing; expected {expected}", parent);
            }

            return null;
        }

        if (entry.Value is YamlScalarNode scalar && !IsEmpty(scalar))
        {
            return scalar.Value!;
        }

        Error(path, $"is {Describe(entry.Value)}; expected {expected}", entry.Value);
        return null;
    }

    private double? Number(Fields fields, string key, YamlMappingNode parent, bool required)
    {
        const string Expected = "a number like 5 or 0.8";
        if (Scalar(fields, key, key, parent, required, Expected) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Error(key, $"\"{text}\" is not a number; expected {Expected}", fields[key].Value);
        return null;
    }

    private TimeSpan? Duration(Fields fields, string key, YamlMappingNode parent, bool required, bool positive)
    {
        if (Scalar(fields, key, key, parent, required, RuleDurations.Expected) is not { } text)
        {
            return null;
        }

        if (!RuleDurations.TryParse(text, out var duration))
        {
            Error(key, $"\"{text}\" is not {RuleDurations.Expected}", fields[key].Value);
            return null;
        }

        if (positive && duration <= TimeSpan.Zero)
        {
            Error(key, $"\"{text}\" is zero; expected {RuleDurations.Expected}, longer than 0", fields[key].Value);
            return null;
        }

        return duration;
    }

    private TEnum? Choice<TEnum>(Fields fields, string key, YamlMappingNode parent, bool required, string what)
        where TEnum : struct, Enum
    {
        var names = string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        if (Scalar(fields, key, key, parent, required, $"{what}: {names}") is not { } text)
        {
            return null;
        }

        // Names only: Enum.TryParse would also take "2".
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Error(key, $"\"{text}\" is not {what}; expected one of {names}", fields[key].Value);
        return null;
    }

    private void Error(string? field, string problem, YamlNode? at) =>
        _errors.Add(new RuleLoadError(_file, _name, _index, field, problem, at is null ? null : at.Start.Line));

    private static bool IsEmpty(YamlScalarNode scalar) =>
        string.IsNullOrWhiteSpace(scalar.Value)
        || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL");

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar when IsEmpty(scalar) => "empty",
        YamlScalarNode scalar => $"\"{scalar.Value}\"",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "not a value",
    };
}
