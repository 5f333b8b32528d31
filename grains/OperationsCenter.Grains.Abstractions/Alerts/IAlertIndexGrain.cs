using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// Every alert not long resolved (key 0), for the API and the wall's snapshot. It is a read model: loaded from alert
/// storage when it activates, then fed by the alerts themselves.
/// </summary>
public interface IAlertIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Records an alert's newest view.</summary>
    [OneWay]
    Task Upsert(AlertView view);

    /// <summary>Active alerts (and those resolved in the last hour), most severe and newest first.</summary>
    Task<ImmutableArray<AlertView>> List();

    /// <summary>
    /// The rules now in force, each with a digest of its definition. Open alerts of rules that changed or went away
    /// since the last call (kept in storage, so across restarts too) are reconciled, with <paramref name="actor"/>.
    /// </summary>
    Task RulesInForce(ImmutableDictionary<string, string> digests, string actor);
}
