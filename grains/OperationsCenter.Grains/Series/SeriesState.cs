using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Series;

/// <summary>
/// One series inside its partition: numeric fields (latest value and windows) in a small array, and its rule
/// evaluators, created only when a rule concerns the series. Compact, as a partition holds thousands.
/// </summary>
internal sealed class SeriesState(SeriesId id, SeriesName name)
{
    private ImmutableArray<AlertRule> _rulesSeen;
    private ImmutableArray<AlertRule> _valueRules = [];
    private bool _watchedForSilence;

    public SeriesId Id { get; } = id;

    public SeriesName Name { get; } = name;

    public SeriesField[] Fields { get; private set; } = [];

    public long Points { get; set; }

    /// <summary>When the edge last handed this series a point; null when only restored.</summary>
    public DateTimeOffset? LastArrival { get; set; }

    public SeriesAlertEvaluator? Alerts { get; set; }

    public SilenceWatch? Silence { get; set; }

    /// <summary>Whether its silence reminder is registered.</summary>
    public bool Reminded { get; set; }

    public bool HasValues => Fields.Length > 0;

    /// <summary>The field named <paramref name="field"/>, added when new (names come interned from the partition).</summary>
    public SeriesField Field(string field)
    {
        foreach (var existing in Fields)
        {
            if (ReferenceEquals(existing.Name, field) || existing.Name == field)
            {
                return existing;
            }
        }

        var created = new SeriesField(field);
        Fields = [.. Fields, created];
        return created;
    }

    /// <summary>Timestamp (ns) of the newest value of any field.</summary>
    public long LastTime()
    {
        var last = long.MinValue;
        foreach (var field in Fields)
        {
            last = Math.Max(last, field.LatestTime);
        }

        return last;
    }

    /// <summary>What the wall is pushed: every field's latest value.</summary>
    public SeriesUpdate ToUpdate()
    {
        // Made for every changed series on every flush: one array, no enumerator.
        var fields = ImmutableArray.CreateBuilder<FieldLatest>(Fields.Length);
        foreach (var field in Fields)
        {
            fields.Add(new FieldLatest(field.Name, field.Latest, UnixNanos.ToDateTimeOffset(field.LatestTime)));
        }

        return new(Id.Key, Name.Measurement, Name.Department, Name.Tags, fields.MoveToImmutable(),
            HasValues ? UnixNanos.ToDateTimeOffset(LastTime()) : DateTimeOffset.MinValue);
    }

    /// <summary>The value rules (threshold, window, rate, ratio) of <paramref name="rules"/> that match this series, worked out once per rule set.</summary>
    public ImmutableArray<AlertRule> ValueRules(ImmutableArray<AlertRule> rules)
    {
        Refresh(rules);
        return _valueRules;
    }

    /// <summary>Whether a series-scoped deadman or deadline rule of <paramref name="rules"/> watches this series.</summary>
    public bool WatchedForSilence(ImmutableArray<AlertRule> rules)
    {
        Refresh(rules);
        return _watchedForSilence;
    }

    /// <summary>Whether <paramref name="rule"/>'s matcher takes this series.</summary>
    public bool Matches(AlertRule rule) => rule.Match.Matches(Name.Measurement, Name.Tags);

    private void Refresh(ImmutableArray<AlertRule> rules)
    {
        // Rule sets are replaced, never changed in place: the same array means the same answer.
        if (_rulesSeen == rules)
        {
            return;
        }

        _rulesSeen = rules;
        _valueRules = [.. rules.Where(r => SeriesAlertEvaluator.Evaluates(r) && Matches(r))];
        _watchedForSilence = SilenceWatch.Watches(RuleScope.Series, rules, Matches);
    }
}
