namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>
/// Computes the value of a threshold, window, rate or ratio rule on one series and tests it. Pure: the state over
/// time (<c>for</c>, the lifecycle) is the alert grain's.
/// </summary>
public static class ConditionEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="rule"/> on <paramref name="field"/> of a series at <paramref name="now"/>.
    /// For ratio rules <paramref name="field"/> is not read: the rule names its numerator and denominator.
    /// </summary>
    /// <exception cref="ArgumentException">The rule is a deadman or deadline rule, or lacks its kind's parameters.</exception>
    public static ConditionResult Evaluate(AlertRule rule, string field, ISeriesReadings readings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(readings);
        var comparison = rule.Comparison ?? throw Invalid(rule, "has no comparison");
        var value = rule.Kind switch
        {
            RuleKind.Threshold => readings.TryLatest(field, out var latest, out _) ? latest : (double?)null,
            RuleKind.Window => Aggregate(rule, field, readings),
            RuleKind.Rate => Rate(rule, field, readings, now),
            RuleKind.Ratio => Ratio(rule, readings),
            _ => throw Invalid(rule, "is not evaluated on values; use DeadmanEvaluator or DeadlineEvaluator"),
        };
        return value is { } v ? ConditionResult.Of(v, comparison) : ConditionResult.NoData;
    }

    /// <summary>
    /// The fields of a series <paramref name="rule"/> is evaluated on, one tracker each: the matching fields for
    /// threshold, window and rate rules; for ratio rules the numerator alone when the series has both fields.
    /// </summary>
    public static IEnumerable<string> FieldsOf(AlertRule rule, IEnumerable<string> seriesFields)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(seriesFields);
        return rule.Kind switch
        {
            RuleKind.Threshold or RuleKind.Window or RuleKind.Rate => seriesFields.Where(rule.Match.MatchesField),
            RuleKind.Ratio when rule.Numerator is { } n && rule.Denominator is { } d => seriesFields.Contains(n) && seriesFields.Contains(d) ? [n] : [],
            _ => [],
        };
    }

    private static double? Aggregate(AlertRule rule, string field, ISeriesReadings readings)
    {
        var length = rule.Window ?? throw Invalid(rule, "has no window");
        var aggregate = rule.Aggregate ?? throw Invalid(rule, "has no aggregate");
        if (readings.Window(field, length) is not { } stats)
        {
            return null;
        }

        // An empty window is a count of 0, but it has no average, minimum, maximum or (meaningful) sum.
        return aggregate switch
        {
            WindowAggregate.Count => stats.Count,
            _ when stats.Count == 0 => null,
            WindowAggregate.Avg => stats.Avg,
            WindowAggregate.Min => stats.Min,
            WindowAggregate.Max => stats.Max,
            WindowAggregate.Sum => stats.Sum,
            _ => null,
        };
    }

    private static double? Rate(AlertRule rule, string field, ISeriesReadings readings, DateTimeOffset now)
    {
        var length = rule.Window ?? throw Invalid(rule, "has no window");

        // Change = newest minus oldest point within the window; one point is no change to speak of.
        if (!readings.TryEarliest(field, now - length, out var first, out var firstTime)
            || !readings.TryLatest(field, out var last, out var lastTime)
            || lastTime <= firstTime)
        {
            return null;
        }

        var change = last - first;
        if (rule.RateMode != RateMode.Percent)
        {
            return change;
        }

        return first == 0 ? null : change / Math.Abs(first) * 100;
    }

    private static double? Ratio(AlertRule rule, ISeriesReadings readings)
    {
        var numeratorField = rule.Numerator ?? throw Invalid(rule, "has no numerator");
        var denominatorField = rule.Denominator ?? throw Invalid(rule, "has no denominator");
        if (!readings.TryLatest(numeratorField, out var numerator, out _)
            || !readings.TryLatest(denominatorField, out var denominator, out _)
            || denominator == 0)
        {
            return null;
        }

        return numerator / denominator;
    }

    private static ArgumentException Invalid(AlertRule rule, string problem) =>
        new($"Rule \"{rule.Name}\" ({rule.Kind}) {problem}.", nameof(rule));
}
