using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Grains.Storage;
using Orleans.Storage;

namespace OperationsCenter.Grains.Alerts;

/// <summary>Every stored alert record, read in one call, for rebuilding the list of alerts after a restart.</summary>
public sealed class StoredAlerts(IServiceProvider services, IGrainFactory grains)
{
    /// <summary>
    /// The stored records; empty when alert storage cannot be read whole (a provider other than
    /// <see cref="TableGrainStorage"/>).
    /// </summary>
    public async Task<IReadOnlyList<AlertRecord>> ReadAllAsync()
    {
        if (services.GetKeyedService<IGrainStorage>(AlertStorage.Name) is not TableGrainStorage storage)
        {
            return [];
        }

        var alertType = grains.GetGrain<IAlertGrain>("any").GetGrainId().Type;
        return await storage.ReadAllAsync<AlertRecord>(alertType, AlertGrain.StateName);
    }
}
