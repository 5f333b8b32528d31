using System.Globalization;
using System.Text;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// Fills alert title and description templates. Placeholders: <c>{rule}</c>, <c>{measurement}</c>,
/// <c>{field}</c>, <c>{department}</c> (the id), <c>{department_name}</c> (its display name), <c>{value}</c>, <c>{threshold}</c> and any tag as <c>{tag:desk}</c>.
/// Numbers are written in the reader's culture (vi-VN: <c>80,7</c>; en-US: <c>80.7</c>), with up to two decimals
/// unless a format is given: <c>{value:0.0}</c>, <c>{value:P0}</c>. Anything missing renders as an em dash, so a
/// wall never shows a raw placeholder.
/// </summary>
public static class AlertText
{
    /// <summary>Culture of the Vietnamese texts.</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Culture of the English texts.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The placeholders a template may use, besides <c>tag:name</c>.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["rule", "measurement", "field", "department", "department_name", "value", "threshold"];

    private const string Missing = "—";
    private const string DefaultNumberFormat = "#,0.##";
    private const string TagPrefix = "tag:";

    /// <summary>Both texts filled in, each in its own language's culture.</summary>
    public static LocalizedText Render(LocalizedText template, AlertTextValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new LocalizedText(Render(template.Vi, values, Vietnamese), Render(template.En, values, English));
    }

    /// <summary>One template filled in, numbers written in <paramref name="culture"/>.</summary>
    public static string Render(string template, AlertTextValues values, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(culture);
        var result = new StringBuilder(template.Length + 32);
        var rest = template.AsSpan();
        while (NextPlaceholder(rest, out var before, out var name, out var format, out var after))
        {
            result.Append(before).Append(Resolve(name, format, values, culture));
            rest = after;
        }

        return result.Append(rest).ToString();
    }

    /// <summary>Placeholders in <paramref name="template"/> that <see cref="Render(string, AlertTextValues, CultureInfo)"/> does not know.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var unknown = new List<string>();
        var rest = template.AsSpan();
        while (NextPlaceholder(rest, out _, out var name, out _, out var after))
        {
            var known = name.StartsWith(TagPrefix, StringComparison.Ordinal)
                ? name.Length > TagPrefix.Length
                : Placeholders.Contains(name.ToString());
            if (!known)
            {
                unknown.Add(name.ToString());
            }

            rest = after;
        }

        return unknown;
    }

    private static string Resolve(ReadOnlySpan<char> name, ReadOnlySpan<char> format, AlertTextValues values, CultureInfo culture)
    {
        if (name.StartsWith(TagPrefix, StringComparison.Ordinal))
        {
            return values.Tags.TryGetValue(name[TagPrefix.Length..].ToString(), out var tag) ? tag : Missing;
        }

        return name switch
        {
            "rule" => values.Rule,
            "measurement" => values.Measurement,
            "field" => values.Field ?? Missing,
            "department" => values.Tags.TryGetValue(SeriesMatcher.DepartmentTag, out var department) ? department : Missing,
            "department_name" => values.DepartmentName ?? (values.Tags.TryGetValue(SeriesMatcher.DepartmentTag, out var id) ? id : Missing),
            "value" => Number(values.Value, format, culture),
            "threshold" => Number(values.Threshold, format, culture),
            _ => Missing,
        };
    }

    private static string Number(double? value, ReadOnlySpan<char> format, CultureInfo culture) =>
        value is { } v ? v.ToString(format.IsEmpty ? DefaultNumberFormat : format.ToString(), culture) : Missing;

    // A placeholder is "{name}" or "{name:format}" where name is a word or "tag:key"; other braces are plain text.
    private static bool NextPlaceholder(
        ReadOnlySpan<char> text,
        out ReadOnlySpan<char> before,
        out ReadOnlySpan<char> name,
        out ReadOnlySpan<char> format,
        out ReadOnlySpan<char> after)
    {
        var searched = 0;
        while (true)
        {
            var open = text[searched..].IndexOf('{');
            if (open < 0)
            {
                before = name = format = after = default;
                return false;
            }

            open += searched;
            var close = text[open..].IndexOf('}');
            if (close < 0)
            {
                before = name = format = after = default;
                return false;
            }

            close += open;
            var inner = text[(open + 1)..close];
            var nameLength = inner.StartsWith(TagPrefix, StringComparison.Ordinal)
                ? inner.Length
                : inner.IndexOf(':') is var colon and >= 0 ? colon : inner.Length;
            if (nameLength > 0 && IsName(inner[..nameLength]))
            {
                before = text[..open];
                name = inner[..nameLength];
                format = nameLength < inner.Length ? inner[(nameLength + 1)..] : default;
                after = text[(close + 1)..];
                return true;
            }

            searched = open + 1;
        }
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':'))
            {
                return false;
            }
        }

        return true;
    }
}
