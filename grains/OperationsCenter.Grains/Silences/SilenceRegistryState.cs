using System.Collections.Immutable;

namespace OperationsCenter.Grains.Silences;

/// <summary>Stored silences.</summary>
[GenerateSerializer]
public sealed class SilenceRegistryState
{
    [Id(0)] public ImmutableArray<Silence> Silences { get; set; } = [];
}
