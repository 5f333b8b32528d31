using System.Collections.Frozen;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>The keys a rule may have, by kind, so a typo or a parameter of another kind is named instead of ignored.</summary>
internal static class RuleFields
{
    /// <summary>Keys every rule has or may have.</summary>
    public static readonly IReadOnlyList<string> Common =
        ["name", "kind", "match", "severity", "owner", "title", "description", "escalate_after", "repeat_interval"];

    /// <summary>Keys of the rules that compare a value with a threshold.</summary>
    public static readonly IReadOnlyList<string> Comparison = ["above", "below", "clear", "for"];

    /// <summary>Keys allowed for each kind.</summary>
    public static readonly FrozenDictionary<RuleKind, FrozenSet<string>> ByKind = new Dictionary<RuleKind, FrozenSet<string>>
    {
        [RuleKind.Threshold] = Set([.. Comparison]),
        [RuleKind.Window] = Set([.. Comparison, "aggregate", "window"]),
        [RuleKind.Rate] = Set([.. Comparison, "window", "mode"]),
        [RuleKind.Ratio] = Set([.. Comparison, "numerator", "denominator"]),
        [RuleKind.Deadman] = Set("silence", "scope"),
        [RuleKind.Deadline] = Set("deadline", "scope"),
    }.ToFrozenDictionary();

    /// <summary>Every key of any kind.</summary>
    public static readonly FrozenSet<string> All = ByKind.Values.SelectMany(s => s).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Keys of <c>match</c>.</summary>
    public static readonly IReadOnlyList<string> Match = ["measurement", "field", "tags"];

    /// <summary>Keys of <c>title</c> and <c>description</c>.</summary>
    public static readonly IReadOnlyList<string> Text = ["vi", "en"];

    /// <summary>Keys of <c>deadline</c>.</summary>
    public static readonly IReadOnlyList<string> Deadline = ["day", "at", "timezone"];

    /// <summary>The rule kinds as written in files.</summary>
    public static string Kinds => string.Join(", ", Enum.GetNames<RuleKind>().Select(n => n.ToLowerInvariant()));

    private static FrozenSet<string> Set(params string[] keys) => Common.Concat(keys).ToFrozenSet(StringComparer.Ordinal);
}
