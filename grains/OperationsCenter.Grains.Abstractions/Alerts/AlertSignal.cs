using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>What a rule's evaluation tells an alert: its condition started, held, or ended.</summary>
/// <param name="RuleName">The rule.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Owner">Department that owns the alert.</param>
/// <param name="Labels">Series labels (measurement, field, tags) that with the rule make the alert's identity.</param>
/// <param name="State">Pending, Firing or Resolved (a pending condition that cleared is Resolved too).</param>
/// <param name="Value">The value that decided it.</param>
/// <param name="At">When.</param>
/// <param name="TitleVi">Title, Vietnamese, rendered.</param>
/// <param name="TitleEn">Title, English, rendered.</param>
/// <param name="DescriptionVi">Description, Vietnamese, rendered.</param>
/// <param name="DescriptionEn">Description, English, rendered.</param>
[GenerateSerializer, Immutable]
public sealed record AlertSignal(
    [property: Id(0)] string RuleName,
    [property: Id(1)] AlertSeverity Severity,
    [property: Id(2)] string Owner,
    [property: Id(3)] ImmutableDictionary<string, string> Labels,
    [property: Id(4)] AlertState State,
    [property: Id(5)] double? Value,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string TitleVi,
    [property: Id(8)] string TitleEn,
    [property: Id(9)] string DescriptionVi,
    [property: Id(10)] string DescriptionEn);
