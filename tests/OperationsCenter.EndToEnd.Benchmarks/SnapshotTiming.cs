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
    /// <summary>Signs in as the operator, connects to <c>/hubs/wall</c> and waits (up to 5 minutes) for the snapshot.</summary>
    public static async Task<SnapshotTiming> ReceiveAsync(Uri baseAddress)
    {
        var received = new TaskCompletionSource<SnapshotTiming>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var wall = await SignIn.WallAsync(baseAddress, TestUsers.Operator);
        var clock = new Stopwatch();
        wall.On<JsonElement>(WallMessages.Snapshot, s => received.TrySetResult(
            new SnapshotTiming(clock.Elapsed, Encoding.UTF8.GetByteCount(s.GetRawText()), Length(s, "series"), Length(s, "alerts"))));
        clock.Start();
        await wall.StartAsync();
        return await received.Task.WaitAsync(TimeSpan.FromMinutes(5));
    }

    private static int? Length(JsonElement snapshot, string list) =>
        snapshot.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : null;
}
