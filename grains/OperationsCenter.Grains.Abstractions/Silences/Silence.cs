using System.Collections.Immutable;

namespace OperationsCenter.Grains.Silences;

/// <summary>
/// A silence: alerts whose labels match every matcher (glob) between start and end notify nobody, but stay visible.
/// Expired and deleted silences are kept for audit.
/// </summary>
/// <param name="Id">Identifier.</param>
/// <param name="Matchers">Label → glob (<c>*</c>, <c>?</c>); labels include <c>alertname</c>, <c>severity</c>, <c>owner</c>.</param>
/// <param name="StartsAt">From when.</param>
/// <param name="EndsAt">Until when (moved to the deletion time when deleted).</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="Comment">Why.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="DeletedBy">Who ended it early, if anyone.</param>
[GenerateSerializer, Immutable]
public sealed record Silence(
    [property: Id(0)] string Id,
    [property: Id(1)] ImmutableDictionary<string, string> Matchers,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] DateTimeOffset EndsAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] string Comment,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string? DeletedBy);
