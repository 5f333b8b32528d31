using System.Globalization;
using System.Text;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>Alertmanager's (Go's) spelling of times, label sets and matchers, so receivers parse what they expect.</summary>
internal static class AlertmanagerText
{
    /// <summary>Go's zero time, which Alertmanager sends as <c>endsAt</c> while an alert fires.</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    /// <summary>RFC 3339 in UTC with trailing zeros of the fraction dropped, as Go's <c>time.Time</c> marshals.</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) : ZeroTime;

    /// <summary>A label set as Go's <c>model.LabelSet.String()</c>: <c>{a="1", b="2"}</c>, sorted.</summary>
    public static string LabelSet(IEnumerable<KeyValuePair<string, string>> labels) =>
        "{" + string.Join(", ", labels.Select(l => $"{l.Key}={Quote(l.Value)}").Order(StringComparer.Ordinal)) + "}";

    /// <summary>
    /// A route's matchers as Alertmanager's <c>Matchers.String()</c>: <c>{a="1",b=~"x.*"}</c>, a wildcard shown as the
    /// anchored regular expression Alertmanager would need for it.
    /// </summary>
    public static string Matchers(IReadOnlyDictionary<string, string> globs) =>
        "{" + string.Join(",", globs.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => GlobPattern.IsLiteral(m.Value)
            ? $"{m.Key}={Quote(m.Value)}"
            : $"{m.Key}=~{Quote(Regex(m.Value))}")) + "}";

    /// <summary>A string quoted as Go's <c>%q</c> does for printable text.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                _ when char.IsControl(c) => quoted.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    private static string Regex(string glob)
    {
        var regex = new StringBuilder(glob.Length + 8);
        foreach (var c in glob)
        {
            _ = c switch
            {
                '*' => regex.Append(".*"),
                '?' => regex.Append('.'),
                _ when @"\.+()|[]{}^$".Contains(c, StringComparison.Ordinal) => regex.Append('\\').Append(c),
                _ => regex.Append(c),
            };
        }

        return regex.ToString();
    }
}
