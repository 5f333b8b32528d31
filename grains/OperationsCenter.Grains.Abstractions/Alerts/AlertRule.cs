namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// One alert rule as loaded from the rule files. The common part is positional; the parameters of each kind are
/// init-only properties, set for the kinds they belong to and null (or default) for the others:
/// <list type="table">
/// <item><term>Threshold</term><description><see cref="Comparison"/>, <see cref="For"/>.</description></item>
/// <item><term>Window</term><description><see cref="Aggregate"/>, <see cref="Window"/>, <see cref="Comparison"/>, <see cref="For"/>.</description></item>
/// <item><term>Rate</term><description><see cref="RateMode"/>, <see cref="Window"/>, <see cref="Comparison"/>, <see cref="For"/>.</description></item>
/// <item><term>Ratio</term><description><see cref="Numerator"/>, <see cref="Denominator"/>, <see cref="Comparison"/>, <see cref="For"/>.</description></item>
/// <item><term>Deadman</term><description><see cref="Silence"/>, <see cref="Scope"/>.</description></item>
/// <item><term>Deadline</term><description><see cref="Deadline"/>, <see cref="Scope"/>.</description></item>
/// </list>
/// </summary>
/// <param name="Name">Unique id (ASCII letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</param>
/// <param name="Kind">What the rule watches for.</param>
/// <param name="Match">Series and fields it applies to.</param>
/// <param name="Severity">Severity of its alerts.</param>
/// <param name="Owner">Department id that owns its alerts.</param>
/// <param name="Title">Title template (see <see cref="AlertText"/>).</param>
/// <param name="Description">Description template.</param>
[GenerateSerializer, Immutable]
public sealed record AlertRule(
    [property: Id(0)] string Name,
    [property: Id(1)] RuleKind Kind,
    [property: Id(2)] SeriesMatcher Match,
    [property: Id(3)] AlertSeverity Severity,
    [property: Id(4)] string Owner,
    [property: Id(5)] LocalizedText Title,
    [property: Id(6)] LocalizedText Description)
{
    /// <summary>Threshold, window, rate and ratio rules: the test applied to the value. Null for deadman and deadline.</summary>
    [Id(7)]
    public Comparison? Comparison { get; init; }

    /// <summary>How long the condition must hold before the alert fires; zero fires at once.</summary>
    [Id(8)]
    public TimeSpan For { get; init; }

    /// <summary>Window rules: how the window's points are folded.</summary>
    [Id(9)]
    public WindowAggregate? Aggregate { get; init; }

    /// <summary>Window and rate rules: window length, 1 minute to 1 hour.</summary>
    [Id(10)]
    public TimeSpan? Window { get; init; }

    /// <summary>Rate rules: absolute or percent change.</summary>
    [Id(11)]
    public RateMode? RateMode { get; init; }

    /// <summary>Ratio rules: the field on top (exact name).</summary>
    [Id(12)]
    public string? Numerator { get; init; }

    /// <summary>Ratio rules: the field below (exact name); a zero latest value means no data.</summary>
    [Id(13)]
    public string? Denominator { get; init; }

    /// <summary>Deadman rules: how long without a point counts as silent.</summary>
    [Id(14)]
    public TimeSpan? Silence { get; init; }

    /// <summary>Deadman and deadline rules: per series or per department.</summary>
    [Id(15)]
    public RuleScope Scope { get; init; }

    /// <summary>Deadline rules: the monthly deadline.</summary>
    [Id(16)]
    public DeadlineSchedule? Deadline { get; init; }

    /// <summary>When set, leaders get the alert once it has been firing unacknowledged this long.</summary>
    [Id(17)]
    public TimeSpan? EscalateAfter { get; init; }

    /// <summary>When set, leaders get it again each interval until it is acknowledged or resolved.</summary>
    [Id(18)]
    public TimeSpan? RepeatInterval { get; init; }
}
