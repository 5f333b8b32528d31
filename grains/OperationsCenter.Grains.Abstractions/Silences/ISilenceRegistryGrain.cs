using System.Collections.Immutable;

namespace OperationsCenter.Grains.Silences;

/// <summary>Every silence ever made (key 0), stored so silences and their audit survive restarts.</summary>
public interface ISilenceRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a silence.</summary>
    Task Add(Silence silence);

    /// <summary>Ends a silence now (it is kept); null when there is no such silence.</summary>
    Task<Silence?> Expire(string id, string actor, DateTimeOffset at);

    /// <summary>All silences, newest first.</summary>
    Task<ImmutableArray<Silence>> List();
}
