using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>One lifecycle step, as kept in history: who moved the alert where, when, and why.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertTransition(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] string RuleName,
    [property: Id(2)] AlertSeverity Severity,
    [property: Id(3)] string Owner,
    [property: Id(4)] AlertState State,
    [property: Id(5)] string Actor,
    [property: Id(6)] string? Note,
    [property: Id(7)] double? Value,
    [property: Id(8)] DateTimeOffset At,
    [property: Id(9)] ImmutableDictionary<string, string> Labels);
