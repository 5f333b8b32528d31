using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Alerts;
using OperationsCenter.Server.Security;
using OperationsCenter.Server.Wall;

namespace OperationsCenter.Server.Hubs;

/// <summary>
/// The wall's live channel: a snapshot on connect, then batched changes pushed by <see cref="Push.WallHubObserver"/>.
/// The leader view connects as <c>/hubs/wall?view=leader</c> and is spared the series pushes.
/// </summary>
[Authorize(Policy = Policies.Wall)]
internal sealed class WallHub(WallReadModel model, AlertQueries alerts, WallSessions sessions, Telemetry.CenterMetrics metrics) : Hub
{
    private static readonly object ViewItem = new();

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        sessions.Opened(Context);

        // Leaders receive leader-routed notices by role: nobody else can ask for them.
        if (Context.User?.IsInRole(Roles.Leader) == true)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, WallMessages.LeadersGroup);
        }

        // Series pushes go to wall pages only. A connection is a wall page unless it says otherwise, so a page that
        // does not name itself (an older client) still gets everything.
        var leaderView = IsLeaderView();
        if (!leaderView)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, WallMessages.WallGroup);
        }

        // From this silo's read model, not the grains: only right after the silo started does a page wait, for its first load.
        await model.WhenSeeded(Context.ConnectionAborted);
        await Clients.Caller.SendAsync(WallMessages.Snapshot, Snapshot());

        // Last, as SignalR calls OnDisconnectedAsync (which counts it down) only for a connection whose OnConnectedAsync completed.
        var view = leaderView ? WallMessages.LeaderView : "wall";
        Context.Items[ViewItem] = view;
        metrics.HubConnections(view, +1);
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Closed(Context);
        if (Context.Items.TryGetValue(ViewItem, out var view) && view is string counted)
        {
            metrics.HubConnections(counted, -1);
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// The snapshot again, as sent on connecting, from memory: the leader view refreshes its headline indicators with it,
    /// as it gets no series pushes.
    /// </summary>
    public async Task<WallSnapshot> Refresh()
    {
        await model.WhenSeeded(Context.ConnectionAborted);
        return Snapshot();
    }

    private WallSnapshot Snapshot()
    {
        using var mark = WallGrainCalls.Mark(WallGrainCalls.Snapshot);
        return model.Snapshot(leaderView: IsLeaderView());
    }

    private bool IsLeaderView() =>
        Context.GetHttpContext()?.Request.Query[WallMessages.ViewParameter].ToString() == WallMessages.LeaderView;

    /// <summary>
    /// An operator (or a leader) takes an alert; every wall sees it through the next push. The signed-in person is
    /// recorded as the one who took it, by sign-in name and display name.
    /// </summary>
    [Authorize(Policy = Policies.Acknowledge)]
    public async Task<AlertView> Acknowledge(string fingerprint, string? note) =>
        await StoredAsync(alerts.AcknowledgeAsync(fingerprint, Actor(), Trim(note)))
            ?? throw new HubException($"alert {fingerprint} is not firing: there is nothing to acknowledge");

    /// <summary>Gives an acknowledged alert back.</summary>
    [Authorize(Policy = Policies.Acknowledge)]
    public async Task<AlertView> Unacknowledge(string fingerprint, string? note) =>
        await StoredAsync(alerts.AcknowledgeAsync(fingerprint, Actor(), Trim(note), take: false))
            ?? throw new HubException($"alert {fingerprint} is not acknowledged");

    /// <summary>A change storage could not take reaches the wall as a message to try again.</summary>
    private static async Task<AlertView?> StoredAsync(Task<AlertView?> change)
    {
        try
        {
            return await change;
        }
        catch (AlertStoreUnavailableException ex)
        {
            throw new HubException(ex.Message);
        }
    }

    // Checked on each call, not only every sweep: a withdrawn person must not act in the seconds before it.
    private AlertActor Actor()
    {
        if (!sessions.StillValid(Context))
        {
            Context.Abort();
            throw new HubException("your sign-in was withdrawn: sign in again");
        }

        return Context.User!.ToAlertActor();
    }

    private static string? Trim(string? note) =>
        note is { Length: > AckRequest.MaxNoteLength } ? throw new HubException($"the note may have at most {AckRequest.MaxNoteLength} characters") : note;
}
