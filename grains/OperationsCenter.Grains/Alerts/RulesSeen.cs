using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>The rules last in force, by name, with a digest of each definition: what a rule change is compared with.</summary>
[GenerateSerializer, Immutable]
public sealed record RulesSeen
{
    /// <summary>Rule name to digest.</summary>
    [Id(0)]
    public ImmutableDictionary<string, string> Digests { get; init; } = ImmutableDictionary<string, string>.Empty;
}
