using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperationsCenter.Server.Hubs;
using OperationsCenter.Testing;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>What a wall that connects gets first: the <c>snapshot</c> message, how long it took and how large it was.</summary>
/// <param name="Elapsed">From starting the SignalR connection (signed in already) to the message's arrival.</param>
/// <param name="Bytes">The message's argument as JSON, in UTF-8 bytes (the hub protocol's framing left out).</param>
/// <param name="Series">Entries of its <c>series</c> list, or null when it has none (a read model may take another shape).</param>
/// <param name="Alerts">Entries of its <c>alerts</c> list, or null when it has none.</param>
internal sealed record SnapshotTiming(TimeSpan Elapsed, long Bytes, int? Series, int? Alerts)
{
    /// <summary>SignalR's default server timeout: a browser whose snapshot takes longer drops the connection.</summary>
    public static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Signs in as the operator, connects to <c>/hubs/wall</c> and waits (up to 5 minutes) for the snapshot. The
    /// client waits longer than a browser would (<see cref="BrowserTimeout"/>) so a slow snapshot is timed, not lost;
    /// a connection that closes before it arrives fails at once with the reason.
    /// </summary>
    public static async Task<SnapshotTiming> ReceiveAsync(Uri baseAddress)
    {
        var limit = TimeSpan.FromMinutes(5);
        var received = new TaskCompletionSource<SnapshotTiming>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var wall = await SignIn.WallAsync(baseAddress, TestUsers.Operator);
        wall.ServerTimeout = limit;
        var clock = new Stopwatch();
        wall.On<JsonElement>(WallMessages.Snapshot, s => received.TrySetResult(
            new SnapshotTiming(clock.Elapsed, Encoding.UTF8.GetByteCount(s.GetRawText()), Length(s, "series"), Length(s, "alerts"))));
        wall.Closed += error =>
        {
            received.TrySetException(new InvalidOperationException($"the connection closed after {clock.Elapsed.TotalSeconds:F1} s without a snapshot: {error?.Message ?? "closed by the server"}"));
            return Task.CompletedTask;
        };
        clock.Start();
        await wall.StartAsync();
        return await received.Task.WaitAsync(limit);
    }

    private static int? Length(JsonElement snapshot, string list) =>
        snapshot.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : null;
}
