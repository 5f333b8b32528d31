using Microsoft.AspNetCore.SignalR;
using OperationsCenter.Grains.Wall;
using OperationsCenter.Server.Hubs;
using OperationsCenter.Server.Telemetry;

namespace OperationsCenter.Server.Push;

/// <summary>This silo's push endpoint: sends each batch to the browsers connected to this silo.</summary>
internal sealed class WallHubObserver(IHubContext<WallHub> hub, CenterMetrics metrics) : IWallObserver
{
    /// <summary>The <c>channel</c> tag of leader notices pushed to the leader view.</summary>
    public const string HubChannel = "hub";

    /// <inheritdoc />
    public async Task OnWallBatch(WallBatch batch)
    {
        if (!batch.Series.IsEmpty)
        {
            // Only wall pages show series; the leader view would only log that it has no handler.
            await hub.Clients.Group(WallMessages.WallGroup).SendAsync(WallMessages.SeriesUpdated, batch.Series);
        }

        if (!batch.Departments.IsEmpty)
        {
            // Every page: the leader view names units from these.
            await hub.Clients.All.SendAsync(WallMessages.DepartmentsUpdated, batch.Departments);
        }

        if (!batch.Alerts.IsEmpty)
        {
            await hub.Clients.All.SendAsync(WallMessages.AlertsUpdated, batch.Alerts);
        }

        foreach (var notice in batch.LeaderNotices)
        {
            try
            {
                await hub.Clients.Group(WallMessages.LeadersGroup).SendAsync(WallMessages.LeaderNotice, notice);
            }
            catch
            {
                metrics.NotificationFailed(HubChannel);
                throw;
            }

            metrics.NotificationSent(HubChannel);
        }
    }
}
