using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// Deadman and deadline rules for one department or one series: evaluated on the owner's timer against its last
/// report. Like <see cref="SeriesAlertEvaluator"/> it keeps only what it last reported: each rule's condition is
/// reported when it changes, and on the first evaluation after activation.
/// </summary>
internal sealed class SilenceWatch(RuleScope scope, DateTimeOffset watchingSince)
{
    private readonly Dictionary<string, AlertCondition> _reported = new(StringComparer.Ordinal);

    /// <summary>True when some rule of <paramref name="scope"/> watches an owner: it should keep its timer then.</summary>
    public static bool Watches(RuleScope scope, ImmutableArray<AlertRule> rules, Func<AlertRule, bool> matches) =>
        rules.Any(r => IsSilenceRule(r, scope) && matches(r));

    /// <summary>When watching began: what a never-seen owner's silence is counted from.</summary>
    public DateTimeOffset WatchingSince => watchingSince;

    /// <summary>Forgets what was reported, so the next evaluation reports every condition again.</summary>
    public void Forget() => _reported.Clear();

    /// <summary>A report that did not reach its alert: the next evaluation sends it again.</summary>
    public void Unsent(AlertSignal signal) => _reported.Remove(signal.RuleName);

    /// <summary>The conditions to report: those that changed since the last call, or were never reported.</summary>
    public List<AlertSignal> Evaluate(
        ImmutableArray<AlertRule> rules, Func<AlertRule, bool> matches, DateTimeOffset? lastReport, AlertSource source,
        ImmutableDictionary<string, string> labels, DateTimeOffset now, string? departmentName = null)
    {
        var signals = new List<AlertSignal>();
        foreach (var rule in rules)
        {
            if (!IsSilenceRule(rule, scope) || !matches(rule))
            {
                continue;
            }

            var condition = Condition(rule, lastReport, now);
            if (_reported.TryGetValue(rule.Name, out var last) && last == condition)
            {
                continue;
            }

            _reported[rule.Name] = condition;
            var silentFor = (now - (lastReport ?? watchingSince)).TotalMinutes;
            var texts = new AlertTextValues(rule.Name, labels.GetValueOrDefault("measurement", ""), null, labels, Math.Round(silentFor, 1), rule.Silence?.TotalMinutes, departmentName);
            var title = AlertText.Render(rule.Title, texts);
            var description = AlertText.Render(rule.Description, texts);
            signals.Add(new AlertSignal(
                rule.Name, rule.Severity, rule.Owner, labels, condition, Math.Round(silentFor, 1), now,
                title.Vi, title.En, description.Vi, description.En, source, TimeSpan.Zero)
            {
                // Deadman: the silence limit in minutes, as the value is minutes silent; deadline: the kind only.
                Measure = AlertMeasure.Of(rule),
            });
        }

        return signals;
    }

    /// <summary>
    /// Breached when silent (or the deadline missed), cleared when reporting. A deadman that has never seen a report
    /// (nothing in history either) is unclear until it has watched for the whole silence: after a restart, a firing
    /// alert must not resolve only because the watch is new.
    /// </summary>
    private AlertCondition Condition(AlertRule rule, DateTimeOffset? lastReport, DateTimeOffset now)
    {
        if (rule.Kind == RuleKind.Deadline)
        {
            return DeadlineEvaluator.Evaluate(rule.Deadline!, lastReport, now).Missed ? AlertCondition.Breached : AlertCondition.Cleared;
        }

        var silence = rule.Silence ?? TimeSpan.MaxValue;
        return DeadmanEvaluator.IsSilent(lastReport ?? watchingSince, silence, now) ? AlertCondition.Breached
            : lastReport is null ? AlertCondition.Unclear
            : AlertCondition.Cleared;
    }

    private static bool IsSilenceRule(AlertRule rule, RuleScope scope) => rule.Kind is RuleKind.Deadman or RuleKind.Deadline && rule.Scope == scope;
}
