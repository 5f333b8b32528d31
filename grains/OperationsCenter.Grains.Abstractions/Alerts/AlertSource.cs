namespace OperationsCenter.Grains.Alerts;

/// <summary>What an alert is about, so the alert can ask it to evaluate again (after a rule edit, a restart).</summary>
/// <param name="Scope">A series, or a department as a whole (department-wide deadman and deadline rules).</param>
/// <param name="Key">The canonical series key, or the department id.</param>
[GenerateSerializer, Immutable]
public sealed record AlertSource(
    [property: Id(0)] RuleScope Scope,
    [property: Id(1)] string Key);
