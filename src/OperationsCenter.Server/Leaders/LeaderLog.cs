using System.Text.Json;
using System.Text.Json.Serialization;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Storage;

namespace OperationsCenter.Server.Leaders;

/// <summary>
/// The alerts sent to leaders, one entry per alert holding its newest notice, kept for <see cref="Kept"/> in the
/// leader table (Redis when alerts live there, else a file in the data folder), so a leader who opens the view after
/// an alert was sent and resolved, or after a restart, still finds it.
/// </summary>
internal sealed class LeaderLog(IStateTable table, TimeProvider time)
{
    /// <summary>The table's name.</summary>
    public const string Table = "leader-log";

    /// <summary>How long an ended alert stays; the API's longest window.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Records a notice sent to leaders; an older view of the same alert never replaces a newer one.</summary>
    public async Task RecordAsync(AlertNotice notice)
    {
        var entry = new LeaderLogEntry(notice.Kind, notice.Alert, time.GetUtcNow());
        var data = JsonSerializer.SerializeToUtf8Bytes(entry, Json);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await table.ReadAsync(Table, notice.Alert.Fingerprint);
            if (current is not null && Parse(current) is { } stored && IsNewer(stored.Alert, notice.Alert))
            {
                return;
            }

            if ((await table.WriteAsync(Table, notice.Alert.Fingerprint, current?.Version, data)).Written)
            {
                return;
            }
        }
    }

    /// <summary>Entries still open or notified or ended within <paramref name="within"/>, newest notice first; drops the expired.</summary>
    public async Task<IReadOnlyList<LeaderLogEntry>> ListAsync(TimeSpan within)
    {
        var now = time.GetUtcNow();
        var entries = new List<LeaderLogEntry>();
        foreach (var state in await table.ReadAllAsync(Table))
        {
            if (Parse(state) is not { } entry)
            {
                continue;
            }

            var last = LastActivity(entry);
            if (last < now - Kept)
            {
                await table.DeleteAsync(Table, state.Key, state.Version);
            }
            else if (entry.Alert.IsOpen || last >= now - within)
            {
                entries.Add(entry);
            }
        }

        return [.. entries.OrderByDescending(e => e.NotifiedAt)];
    }

    /// <summary>True when <paramref name="candidate"/> is a newer view of the same alert than <paramref name="stored"/>.</summary>
    public static bool IsNewer(AlertView candidate, AlertView stored) =>
        candidate.StartsAt > stored.StartsAt || (candidate.StartsAt == stored.StartsAt && candidate.UpdatedAt > stored.UpdatedAt);

    private static DateTimeOffset LastActivity(LeaderLogEntry entry) =>
        entry.Alert.EndsAt is { } ended && ended > entry.NotifiedAt ? ended : entry.NotifiedAt;

    private static LeaderLogEntry? Parse(StoredState state)
    {
        try
        {
            return JsonSerializer.Deserialize<LeaderLogEntry>(state.Data, Json);
        }
        catch (JsonException)
        {
            // An entry of an older shape is dropped rather than failing the list.
            return null;
        }
    }
}
