using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Persistence;

[Collection(PersistenceCollection.Name)]
public sealed class AlertHistoryTests(PersistenceFixture fixture)
{
    [Fact]
    public async Task Every_transition_is_in_influxdb_with_who_and_why()
    {
        var labels = ImmutableDictionary<string, string>.Empty.Add("department", "xa-ban-bo").Add("measurement", "network");
        var fingerprint = AlertFingerprint.Of("history-rule", labels);
        var alert = fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertGrain>(fingerprint);
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        await alert.Signal(TestAlerts.Signal("history-rule", labels, AlertCondition.Breached, 12.5, at, owner: "so-noi-vu"));
        await alert.Acknowledge(new AlertActor("Lò Văn Hùng", "Lò Văn Hùng"), "đang xử lý");
        await alert.Signal(TestAlerts.Signal("history-rule", labels, AlertCondition.Cleared, 99, at.AddMinutes(2), owner: "so-noi-vu"));

        using var client = await fixture.Host.CreateClientAsync(TestUsers.Operator);
        JsonElement entries = default;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            entries = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/history?fingerprint={fingerprint}");
            if (entries.ValueKind == JsonValueKind.Array && entries.GetArrayLength() == 3)
            {
                break;
            }

            await Task.Delay(100);
        }

        var rows = entries.EnumerateArray()
            .Select(e => (e.GetProperty("state").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("note").GetString()))
            .Reverse().ToList();
        Assert.Equal([("firing", "system", null), ("acknowledged", "Lò Văn Hùng", "đang xử lý"), ("resolved", "system", null)], rows);
        Assert.All(entries.EnumerateArray(), e => Assert.Equal(("xa-ban-bo", "so-noi-vu"), (e.GetProperty("department").GetString(), e.GetProperty("owner").GetString())));

        // "What happened in this commune?" is asked by the unit; "what does this department own?" by the owner.
        Assert.Contains(await HistoryAsync(client, "department=xa-ban-bo"), e => e.GetProperty("fingerprint").GetString() == fingerprint);
        Assert.Contains(await HistoryAsync(client, "owner=so-noi-vu"), e => e.GetProperty("fingerprint").GetString() == fingerprint);
        Assert.DoesNotContain(await HistoryAsync(client, "department=so-noi-vu"), e => e.GetProperty("fingerprint").GetString() == fingerprint);
        Assert.Contains(await ListAsync(client, "department=xa-ban-bo"), e => e.GetProperty("fingerprint").GetString() == fingerprint);
        Assert.Contains(await ListAsync(client, "owner=so-noi-vu"), e => e.GetProperty("fingerprint").GetString() == fingerprint);
        Assert.DoesNotContain(await ListAsync(client, "department=so-noi-vu"), e => e.GetProperty("fingerprint").GetString() == fingerprint);
        Assert.DoesNotContain(await ListAsync(client, "owner=xa-ban-bo"), e => e.GetProperty("fingerprint").GetString() == fingerprint);
    }

    private static async Task<JsonElement[]> HistoryAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/history?{query}")).EnumerateArray()];

    private static async Task<JsonElement[]> ListAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?{query}")).EnumerateArray()];
}
