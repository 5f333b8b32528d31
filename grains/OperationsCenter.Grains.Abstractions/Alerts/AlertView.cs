using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>An alert as operators, leaders and the API see it.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertView(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] string RuleName,
    [property: Id(2)] AlertSeverity Severity,
    [property: Id(3)] AlertState State,
    [property: Id(4)] string Owner,
    [property: Id(5)] ImmutableDictionary<string, string> Labels,
    [property: Id(6)] string TitleVi,
    [property: Id(7)] string TitleEn,
    [property: Id(8)] string DescriptionVi,
    [property: Id(9)] string DescriptionEn,
    [property: Id(10)] double? Value,
    [property: Id(11)] DateTimeOffset StartsAt,
    [property: Id(12)] DateTimeOffset? FiringSince,
    [property: Id(13)] DateTimeOffset? EndsAt,
    [property: Id(14)] string? AcknowledgedBy,
    [property: Id(15)] DateTimeOffset? AcknowledgedAt,
    [property: Id(16)] string? Note,
    [property: Id(17)] DateTimeOffset UpdatedAt)
{
    /// <summary>An active silence mutes its notifications; the alert stays visible, marked.</summary>
    [Id(18)]
    public bool Silenced { get; init; }

    /// <summary>When leaders were last told about it (critical at once, others once escalated); null if never.</summary>
    [Id(19)]
    public DateTimeOffset? LeadersNotifiedAt { get; init; }

    /// <summary>How a resolved alert ended when not by its value clearing (e.g. "rule removed"); null otherwise.</summary>
    [Id(20)]
    public string? Resolution { get; init; }

    /// <summary>Counts the alert's changes: of two views of one alert, the one with the higher revision is newer.</summary>
    [Id(21)]
    public long Revision { get; init; }

    /// <summary>
    /// What <see cref="Value"/> is measured against: the rule's threshold as of the latest signal (a rule edit shows
    /// after the next one). Null for alerts stored before it was kept.
    /// </summary>
    [Id(22)]
    public AlertMeasure? Measure { get; init; }

    /// <summary>The display name of whoever acknowledged it (<see cref="AcknowledgedBy"/> is their sign-in name).</summary>
    [Id(23)]
    public string? AcknowledgedByName { get; init; }

    /// <summary>True while the alert is pending, firing or acknowledged.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => State is AlertState.Pending or AlertState.Firing or AlertState.Acknowledged;
}
