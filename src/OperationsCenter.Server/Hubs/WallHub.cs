using Microsoft.AspNetCore.SignalR;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Alerts;
using OperationsCenter.Server.Api;

namespace OperationsCenter.Server.Hubs;

/// <summary>The wall's live channel: a snapshot on connect, then batched changes pushed by <see cref="Push.WallHubObserver"/>.</summary>
internal sealed class WallHub(LiveStateQueries queries, AlertQueries alerts) : Hub
{
    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        var overview = await queries.OverviewAsync();
        var series = await queries.SeriesAsync(null, null);
        var active = await alerts.ListAsync();
        await Clients.Caller.SendAsync(WallMessages.Snapshot, new WallSnapshot(overview.Departments, series, active, overview.GeneratedAt));
    }

    /// <summary>
    /// Receives leaders' notices on this connection (the leader view calls it; with sign-in, the leader role will).
    /// </summary>
    public Task JoinLeaders() => Groups.AddToGroupAsync(Context.ConnectionId, WallMessages.LeadersGroup);

    /// <summary>An operator takes an alert from the wall; every wall sees it through the next push.</summary>
    public async Task<AlertView> Acknowledge(string fingerprint, string author, string? note)
    {
        if (string.IsNullOrWhiteSpace(author))
        {
            throw new HubException("author is required: who takes this alert");
        }

        return await alerts.AcknowledgeAsync(fingerprint, author, note)
            ?? throw new HubException($"alert {fingerprint} is not firing: there is nothing to acknowledge");
    }

    /// <summary>Gives an acknowledged alert back.</summary>
    public async Task<AlertView> Unacknowledge(string fingerprint, string author, string? note) =>
        await alerts.AcknowledgeAsync(fingerprint, author, note, take: false)
            ?? throw new HubException($"alert {fingerprint} is not acknowledged");
}
