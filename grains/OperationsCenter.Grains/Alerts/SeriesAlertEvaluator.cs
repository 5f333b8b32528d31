using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// The rule conditions of one series: a tracker per rule and field, fed on every batch (and on a timer while any is
/// pending or firing, so <c>for</c> completes and windows age without new points). Returns the signals to send.
/// </summary>
internal sealed class SeriesAlertEvaluator
{
    private static readonly ImmutableHashSet<RuleKind> SeriesKinds = [RuleKind.Threshold, RuleKind.Window, RuleKind.Rate, RuleKind.Ratio];
    private readonly Dictionary<(string Rule, string Field), ConditionTracker> _trackers = [];

    /// <summary>True while a condition is pending or firing: the grain keeps its evaluation timer then.</summary>
    public bool Active => _trackers.Values.Any(t => t.State != ConditionState.Inactive);

    /// <summary>Evaluates every matching rule on every matching field.</summary>
    public List<AlertSignal> Evaluate(
        ImmutableArray<AlertRule> rules, string measurement, ImmutableDictionary<string, string> tags, ISeriesReadings readings,
        IEnumerable<string> fields, DateTimeOffset now, string? departmentName = null)
    {
        var signals = new List<AlertSignal>();
        var fieldNames = fields.ToList();
        foreach (var rule in rules)
        {
            if (!SeriesKinds.Contains(rule.Kind) || !rule.Match.Matches(measurement, tags))
            {
                continue;
            }

            foreach (var field in ConditionEvaluator.FieldsOf(rule, fieldNames))
            {
                if (!_trackers.TryGetValue((rule.Name, field), out var tracker) || tracker.For != rule.For)
                {
                    _trackers[(rule.Name, field)] = tracker = new ConditionTracker(rule.For);
                }

                var result = ConditionEvaluator.Evaluate(rule, field, readings, now);
                var transition = tracker.Observe(result, now);
                if (transition != ConditionTransition.None)
                {
                    signals.Add(Signal(rule, measurement, tags, field, transition, result, now, departmentName));
                }
            }
        }

        return signals;
    }

    private static AlertSignal Signal(
        AlertRule rule, string measurement, ImmutableDictionary<string, string> tags, string field,
        ConditionTransition transition, ConditionResult result, DateTimeOffset now, string? departmentName)
    {
        var value = result.HasData ? result.Value : (double?)null;
        var texts = new AlertTextValues(rule.Name, measurement, field, tags, value, rule.Comparison?.Threshold, departmentName);
        var title = AlertText.Render(rule.Title, texts);
        var description = AlertText.Render(rule.Description, texts);
        var state = transition switch
        {
            ConditionTransition.Pending => AlertState.Pending,
            ConditionTransition.Firing => AlertState.Firing,
            _ => AlertState.Resolved,
        };
        return new AlertSignal(
            rule.Name, rule.Severity, rule.Owner, Labels(measurement, tags, field), state, value, now,
            title.Vi, title.En, description.Vi, description.En);
    }

    /// <summary>The series' tags plus its measurement and the field: with the rule, the alert's identity.</summary>
    public static ImmutableDictionary<string, string> Labels(string measurement, ImmutableDictionary<string, string> tags, string field) =>
        tags.SetItem("measurement", measurement).SetItem("field", field);
}
