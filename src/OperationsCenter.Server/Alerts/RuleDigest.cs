using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Alerts;

/// <summary>
/// A digest of a rule's whole definition, equal across processes for the same definition, so an edit to any field
/// (threshold, clear, for, match, severity...) is seen as a change, after a restart too.
/// </summary>
internal static class RuleDigest
{
    /// <summary>Rule name to digest, for every rule.</summary>
    public static ImmutableDictionary<string, string> Of(IEnumerable<AlertRule> rules) =>
        rules.ToImmutableDictionary(r => r.Name, Of, StringComparer.Ordinal);

    /// <summary>16 hex digits of a hash of the rule's definition.</summary>
    public static string Of(AlertRule rule)
    {
        // An ImmutableDictionary lists its entries in hash order, which differs between processes: tags go sorted.
        var definition = JsonSerializer.Serialize(rule with { Match = rule.Match with { Tags = ImmutableDictionary<string, string>.Empty } });
        var tags = string.Join('\u001f', rule.Match.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definition + '\u001e' + tags)).AsSpan(0, 8));
    }
}
