using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// The rules in force in this silo. The server replaces them when the rule files change (and keeps the last good set
/// when a change is invalid); grains read <see cref="Current"/> on every evaluation.
/// </summary>
public sealed class AlertRuleSet
{
    private ImmutableArray<AlertRule> _rules = [];

    /// <summary>The rules now.</summary>
    public ImmutableArray<AlertRule> Current => _rules;

    /// <summary>Puts a new, valid set in force.</summary>
    public void Replace(ImmutableArray<AlertRule> rules) => _rules = rules;
}
