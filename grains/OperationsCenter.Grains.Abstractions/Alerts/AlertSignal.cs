using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// What an evaluator tells an alert: the rule's condition as it is now. Sent when the condition changes, and on the
/// evaluator's first evaluation after it activates; the alert decides the lifecycle (pending, firing, resolved).
/// </summary>
/// <param name="RuleName">The rule.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Owner">Department that owns the alert.</param>
/// <param name="Labels">Series labels (measurement, field, tags) that with the rule make the alert's identity.</param>
/// <param name="Condition">Breached, cleared, or neither.</param>
/// <param name="Value">The value that decided it; null without data.</param>
/// <param name="At">When it was evaluated.</param>
/// <param name="TitleVi">Title, Vietnamese, rendered.</param>
/// <param name="TitleEn">Title, English, rendered.</param>
/// <param name="DescriptionVi">Description, Vietnamese, rendered.</param>
/// <param name="DescriptionEn">Description, English, rendered.</param>
/// <param name="Source">The series or department evaluated.</param>
/// <param name="For">The rule's <c>for</c>: how long a breach must hold before the alert fires.</param>
[GenerateSerializer, Immutable]
public sealed record AlertSignal(
    [property: Id(0)] string RuleName,
    [property: Id(1)] AlertSeverity Severity,
    [property: Id(2)] string Owner,
    [property: Id(3)] ImmutableDictionary<string, string> Labels,
    [property: Id(4)] AlertCondition Condition,
    [property: Id(5)] double? Value,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string TitleVi,
    [property: Id(8)] string TitleEn,
    [property: Id(9)] string DescriptionVi,
    [property: Id(10)] string DescriptionEn,
    [property: Id(11)] AlertSource Source,
    [property: Id(12)] TimeSpan For)
{
    /// <summary>What <see cref="Value"/> is measured against (the rule's threshold when evaluated); null from older senders.</summary>
    [Id(13)]
    public AlertMeasure? Measure { get; init; }
}
