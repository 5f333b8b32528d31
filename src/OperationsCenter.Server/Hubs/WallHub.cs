using Microsoft.AspNetCore.SignalR;
using OperationsCenter.Server.Api;

namespace OperationsCenter.Server.Hubs;

/// <summary>The wall's live channel: a snapshot on connect, then batched changes pushed by <see cref="Push.WallHubObserver"/>.</summary>
internal sealed class WallHub(LiveStateQueries queries) : Hub
{
    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        var overview = await queries.OverviewAsync();
        var series = await queries.SeriesAsync(null, null);
        await Clients.Caller.SendAsync(WallMessages.Snapshot, new WallSnapshot(overview.Departments, series, overview.GeneratedAt));
    }
}
