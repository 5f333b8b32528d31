using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Alerts;

/// <summary>Whether a rule, as it is now, still applies to the series or department an alert came from.</summary>
public static class RuleApplicability
{
    /// <summary>
    /// True when <paramref name="rule"/> would be evaluated on <paramref name="source"/> (and, for value rules, on the
    /// alert's <paramref name="field"/>): its kind and scope fit and its matcher matches.
    /// </summary>
    public static bool Applies(AlertRule rule, AlertSource source, string? field)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(source);
        if (rule.Kind is RuleKind.Deadman or RuleKind.Deadline)
        {
            return rule.Scope == source.Scope && (source.Scope == RuleScope.Department
                ? rule.Match.MatchesDepartment(source.Key)
                : MatchesSeries(rule, source.Key));
        }

        return source.Scope == RuleScope.Series && field is not null && MatchesSeries(rule, source.Key)
            && (rule.Kind == RuleKind.Ratio ? field == rule.Numerator : rule.Match.MatchesField(field));
    }

    private static bool MatchesSeries(AlertRule rule, string seriesKey)
    {
        var name = new SeriesId(seriesKey).Parse();
        return rule.Match.Matches(name.Measurement, name.Tags);
    }
}
