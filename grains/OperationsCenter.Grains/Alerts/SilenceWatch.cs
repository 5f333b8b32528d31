using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// Deadman and deadline rules for one department or one series: evaluated on the owner's timer against its last
/// report, emitting a signal only when a rule starts or stops being broken.
/// </summary>
internal sealed class SilenceWatch(RuleScope scope, DateTimeOffset watchingSince)
{
    private readonly HashSet<string> _firing = new(StringComparer.Ordinal);

    /// <summary>True when some rule of <paramref name="scope"/> watches an owner: it should keep its timer then.</summary>
    public static bool Watches(RuleScope scope, ImmutableArray<AlertRule> rules, Func<AlertRule, bool> matches) =>
        rules.Any(r => IsSilenceRule(r, scope) && matches(r));

    /// <summary>Signals for the rules whose state changed since the last call.</summary>
    public List<AlertSignal> Evaluate(
        ImmutableArray<AlertRule> rules, Func<AlertRule, bool> matches, DateTimeOffset? lastReport,
        ImmutableDictionary<string, string> labels, DateTimeOffset now, string? departmentName = null)
    {
        var signals = new List<AlertSignal>();
        foreach (var rule in rules)
        {
            if (!IsSilenceRule(rule, scope) || !matches(rule))
            {
                continue;
            }

            var broken = rule.Kind == RuleKind.Deadman
                ? DeadmanEvaluator.IsSilent(lastReport ?? watchingSince, rule.Silence ?? TimeSpan.MaxValue, now)
                : DeadlineEvaluator.Evaluate(rule.Deadline!, lastReport, now).Missed;
            var wasFiring = _firing.Contains(rule.Name);
            if (broken == wasFiring)
            {
                continue;
            }

            if (broken)
            {
                _firing.Add(rule.Name);
            }
            else
            {
                _firing.Remove(rule.Name);
            }

            var silentFor = (now - (lastReport ?? watchingSince)).TotalMinutes;
            var texts = new AlertTextValues(rule.Name, labels.GetValueOrDefault("measurement", ""), null, labels, Math.Round(silentFor, 1), rule.Silence?.TotalMinutes, departmentName);
            var title = AlertText.Render(rule.Title, texts);
            var description = AlertText.Render(rule.Description, texts);
            signals.Add(new AlertSignal(
                rule.Name, rule.Severity, rule.Owner, labels, broken ? AlertState.Firing : AlertState.Resolved,
                Math.Round(silentFor, 1), now, title.Vi, title.En, description.Vi, description.En));
        }

        return signals;
    }

    private static bool IsSilenceRule(AlertRule rule, RuleScope scope) => rule.Kind is RuleKind.Deadman or RuleKind.Deadline && rule.Scope == scope;
}
