namespace OperationsCenter.Grains.Alerts;

/// <summary>A notification about an alert: to leaders over the hub, and to webhook receivers.</summary>
/// <param name="Kind">Why it goes out.</param>
/// <param name="Alert">The alert as it is now.</param>
/// <param name="ToLeaders">True when leaders get it (critical at once, others once escalated).</param>
[GenerateSerializer, Immutable]
public sealed record AlertNotice(
    [property: Id(0)] NoticeKind Kind,
    [property: Id(1)] AlertView Alert,
    [property: Id(2)] bool ToLeaders);
