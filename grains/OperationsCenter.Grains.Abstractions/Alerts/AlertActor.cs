namespace OperationsCenter.Grains.Alerts;

/// <summary>Who acts on an alert.</summary>
/// <param name="Name">Sign-in name: what history and audit records keep.</param>
/// <param name="DisplayName">The name screens show (the sign-in name when the person has none).</param>
[GenerateSerializer, Immutable]
public sealed record AlertActor(
    [property: Id(0)] string Name,
    [property: Id(1)] string DisplayName);
