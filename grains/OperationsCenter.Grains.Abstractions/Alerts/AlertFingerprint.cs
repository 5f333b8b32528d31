using System.Security.Cryptography;
using System.Text;

namespace OperationsCenter.Grains.Alerts;

/// <summary>An alert's identity: 16 hex digits of a hash of the rule name and the sorted series labels.</summary>
public static class AlertFingerprint
{
    /// <summary>The fingerprint of <paramref name="rule"/> on a series with <paramref name="labels"/>.</summary>
    public static string Of(string rule, IEnumerable<KeyValuePair<string, string>> labels)
    {
        var text = new StringBuilder(rule);
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            text.Append('\u001f').Append(key).Append('=').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
    }
}
