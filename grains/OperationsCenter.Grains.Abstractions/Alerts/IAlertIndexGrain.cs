using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>Every alert not long resolved (key 0), for the API and the wall's snapshot.</summary>
public interface IAlertIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Records an alert's newest view.</summary>
    [OneWay]
    Task Upsert(AlertView view);

    /// <summary>Active alerts (and those resolved in the last hour), most severe and newest first.</summary>
    Task<ImmutableArray<AlertView>> List();
}
