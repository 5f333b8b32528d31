using System.Collections.Immutable;

namespace OperationsCenter.Grains.Wall;

/// <summary>The list of every silo's <see cref="IWallObserver"/>, key 0.</summary>
public interface IWallObserverRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or refreshes a silo's observer; silos call it periodically since this grain keeps no storage.</summary>
    ValueTask Register(SiloAddress silo, IWallObserver observer);

    /// <summary>Observers of the silos that are active now.</summary>
    ValueTask<ImmutableArray<IWallObserver>> GetObservers();
}
