using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// The rule conditions of one series: evaluated on every batch (and on a timer while any is breached or between
/// thresholds, so windows age without new points). It keeps only what it last reported, so it reports each
/// condition when it changes and all of them on its first evaluation after activation; the alerts own the rest.
/// </summary>
internal sealed class SeriesAlertEvaluator
{
    private static readonly ImmutableHashSet<RuleKind> SeriesKinds = [RuleKind.Threshold, RuleKind.Window, RuleKind.Rate, RuleKind.Ratio];
    private readonly Dictionary<(string Rule, string Field), Reading> _reported = [];
    private bool _unsent;

    /// <summary>Whether <paramref name="rule"/> is of a kind this evaluator judges on a series' values.</summary>
    public static bool Evaluates(AlertRule rule) => SeriesKinds.Contains(rule.Kind);

    /// <summary>
    /// True while a condition is breached or between thresholds, or a report did not get through: the grain keeps its
    /// evaluation timer then.
    /// </summary>
    public bool Active => _unsent || _reported.Values.Any(r => r is Reading.Breached or Reading.Between);

    /// <summary>Forgets what was reported, so the next evaluation reports every condition again.</summary>
    public void Forget() => _reported.Clear();

    /// <summary>A report that did not reach its alert: the next evaluation sends it again.</summary>
    public void Unsent(AlertSignal signal)
    {
        _reported.Remove((signal.RuleName, signal.Labels.GetValueOrDefault("field", "")));
        _unsent = true;
    }

    /// <summary>Evaluates every matching rule on every matching field; returns the conditions to report.</summary>
    public List<AlertSignal> Evaluate(
        ImmutableArray<AlertRule> rules, AlertSource source, string measurement, ImmutableDictionary<string, string> tags,
        ISeriesReadings readings, IEnumerable<string> fields, DateTimeOffset now, string? departmentName = null)
    {
        var signals = new List<AlertSignal>();
        var fieldNames = fields.ToList();
        var evaluated = new HashSet<(string, string)>();
        _unsent = false;
        foreach (var rule in rules)
        {
            if (!SeriesKinds.Contains(rule.Kind) || !rule.Match.Matches(measurement, tags))
            {
                continue;
            }

            foreach (var field in ConditionEvaluator.FieldsOf(rule, fieldNames))
            {
                var result = ConditionEvaluator.Evaluate(rule, field, readings, now);
                var reading = result switch
                {
                    { HasData: false } => Reading.NoData,
                    { Breached: true } => Reading.Breached,
                    { Cleared: true } => Reading.Cleared,
                    _ => Reading.Between,
                };
                evaluated.Add((rule.Name, field));
                if (_reported.TryGetValue((rule.Name, field), out var last) && last == reading)
                {
                    continue;
                }

                _reported[(rule.Name, field)] = reading;
                signals.Add(Signal(rule, source, measurement, tags, field, reading, result, now, departmentName));
            }
        }

        // Rules removed or no longer matching: their alerts are reconciled by the rule change itself.
        foreach (var stale in _reported.Keys.Where(k => !evaluated.Contains(k)).ToList())
        {
            _reported.Remove(stale);
        }

        return signals;
    }

    private static AlertSignal Signal(
        AlertRule rule, AlertSource source, string measurement, ImmutableDictionary<string, string> tags, string field,
        Reading reading, ConditionResult result, DateTimeOffset now, string? departmentName)
    {
        var value = result.HasData ? result.Value : (double?)null;
        var texts = new AlertTextValues(rule.Name, measurement, field, tags, value, rule.Comparison?.Threshold, departmentName);
        var title = AlertText.Render(rule.Title, texts);
        var description = AlertText.Render(rule.Description, texts);
        var condition = reading switch
        {
            Reading.Breached => AlertCondition.Breached,
            Reading.Cleared => AlertCondition.Cleared,
            _ => AlertCondition.Unclear,
        };
        return new AlertSignal(
            rule.Name, rule.Severity, rule.Owner, Labels(measurement, tags, field), condition, value, now,
            title.Vi, title.En, description.Vi, description.En, source, rule.For)
        {
            Measure = AlertMeasure.Of(rule),
        };
    }

    /// <summary>The series' tags plus its measurement and the field: with the rule, the alert's identity.</summary>
    public static ImmutableDictionary<string, string> Labels(string measurement, ImmutableDictionary<string, string> tags, string field) =>
        tags.SetItem("measurement", measurement).SetItem("field", field);
}
