using System.Collections.Immutable;
using System.Text;

namespace OperationsCenter.Grains.Series;

/// <summary>
/// Reads a canonical series key (line protocol's <c>measurement,tag=value,...</c> with its escapes) back into the
/// measurement and tags, so a series grain knows what it is from its key alone, before any point or history.
/// </summary>
public static class SeriesKey
{
    /// <summary>The measurement and tags of <paramref name="key"/>.</summary>
    public static (string Measurement, ImmutableDictionary<string, string> Tags) Parse(string key)
    {
        var parts = Split(key, ',');
        var tags = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var pair = Split(part, '=');
            if (pair.Count == 2)
            {
                tags[Unescape(pair[0])] = Unescape(pair[1]);
            }
        }

        return (Unescape(parts[0]), tags.ToImmutable());
    }

    /// <summary>Splits at separators not escaped by a backslash; escapes stay for <see cref="Unescape"/>.</summary>
    private static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>Drops the backslash of <c>\,</c> <c>\=</c> and <c>\ </c>; any other backslash is literal, as in line protocol.</summary>
    private static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is ',' or '=' or ' ')
            {
                i++;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }
}
