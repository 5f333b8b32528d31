using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OperationsCenter.Grains.Storage;

namespace OperationsCenter.Server.Leaders.WebPush;

/// <summary>
/// Push subscriptions per person, in the leader table (Redis when alerts live there, else a file in the data
/// folder), keyed by person and endpoint: one browser subscribed twice is stored once.
/// </summary>
internal sealed class PushSubscriptionStore(IStateTable table)
{
    /// <summary>The table's name.</summary>
    public const string Table = "push-subscriptions";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores (or refreshes) <paramref name="subscription"/>.</summary>
    public async Task SaveAsync(PushSubscriptionRecord subscription)
    {
        var key = Key(subscription.User, subscription.Endpoint);
        var data = JsonSerializer.SerializeToUtf8Bytes(subscription, Json);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await table.ReadAsync(Table, key);
            if ((await table.WriteAsync(Table, key, current?.Version, data)).Written)
            {
                return;
            }
        }

        throw new InvalidOperationException("the subscription changed at the same moment elsewhere; try again");
    }

    /// <summary>Every stored subscription.</summary>
    public async Task<IReadOnlyList<PushSubscriptionRecord>> AllAsync() =>
        [.. (await table.ReadAllAsync(Table)).Select(s => JsonSerializer.Deserialize<PushSubscriptionRecord>(s.Data, Json)).OfType<PushSubscriptionRecord>()];

    /// <summary>Removes <paramref name="user"/>'s subscription at <paramref name="endpoint"/>; false when there was none.</summary>
    public async Task<bool> RemoveAsync(string user, string endpoint)
    {
        var key = Key(user, endpoint);
        var current = await table.ReadAsync(Table, key);
        return current is not null && (await table.DeleteAsync(Table, key, current.Version)).Written;
    }

    // Hashed: endpoints are long URLs, and a key must not hold the separator twice.
    private static string Key(string user, string endpoint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user + "\n" + endpoint)));
}
