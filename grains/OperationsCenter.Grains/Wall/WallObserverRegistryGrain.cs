using System.Collections.Immutable;

namespace OperationsCenter.Grains.Wall;

/// <summary>Keeps each silo's observer; drops silos that cluster membership has declared dead.</summary>
public sealed class WallObserverRegistryGrain(IClusterMembershipService membership) : Grain, IWallObserverRegistryGrain
{
    private readonly Dictionary<SiloAddress, IWallObserver> _observers = [];

    /// <inheritdoc />
    public ValueTask Register(SiloAddress silo, IWallObserver observer)
    {
        _observers[silo] = observer;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<ImmutableArray<IWallObserver>> GetObservers()
    {
        var members = membership.CurrentSnapshot;
        foreach (var silo in _observers.Keys.ToList())
        {
            if (members.GetSiloStatus(silo) == SiloStatus.Dead)
            {
                _observers.Remove(silo);
            }
        }

        return ValueTask.FromResult(_observers
            .Where(pair => members.GetSiloStatus(pair.Key) == SiloStatus.Active)
            .Select(pair => pair.Value)
            .ToImmutableArray());
    }
}
