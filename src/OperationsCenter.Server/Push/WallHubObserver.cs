using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Wall;
using OperationsCenter.Server.Hubs;
using OperationsCenter.Server.Telemetry;
using OperationsCenter.Server.Wall;

namespace OperationsCenter.Server.Push;

/// <summary>
/// This silo's push endpoint: every silo's batches arrive here. Each goes into this silo's <see cref="WallReadModel"/>
/// first, so a page connecting a moment later finds it in its snapshot, then to the browsers connected to this silo.
/// </summary>
internal sealed class WallHubObserver(
    IHubContext<WallHub> hub, IOptions<JsonHubProtocolOptions> json, WallReadModel model, CenterMetrics metrics) : IWallObserver
{
    /// <summary>The <c>channel</c> tag of leader notices pushed to the leader view.</summary>
    public const string HubChannel = "hub";

    // Series per seriesUpdated message. SignalR serializes a group message once into one array: a batch of every
    // series of a busy province (megabytes) would land on the large object heap four times a second and cost gen 2
    // collections; messages of this size (about 400 bytes a series) stay small objects, and a page merges them as it
    // merges one.
    private const int SeriesPerMessage = 100;

    /// <inheritdoc />
    public async Task OnWallBatch(WallBatch batch)
    {
        var shown = model.Apply(batch);
        if (!shown.IsEmpty)
        {
            // Only wall pages show series, and only the series the model keeps: a page shows the same after a reconnect.
            // The leader view would only log that it has no handler.
            var wall = hub.Clients.Group(WallMessages.WallGroup);
            for (var start = 0; start < shown.Length; start += SeriesPerMessage)
            {
                var series = shown.Slice(start, Math.Min(SeriesPerMessage, shown.Length - start));
                await wall.SendAsync(WallMessages.SeriesUpdated, new RawJson(SeriesPushJson.Serialize(series, json.Value.PayloadSerializerOptions)));
            }
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
