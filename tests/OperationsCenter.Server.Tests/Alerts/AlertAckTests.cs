using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Alerts;

[Collection(CenterCollection.Name)]
public sealed class AlertAckTests(CenterFixture fixture)
{
    private CenterHost Host => fixture.Host;

    [Fact]
    public async Task An_acknowledgement_from_one_wall_is_seen_by_another_and_by_the_api()
    {
        var fingerprint = await TestAlerts.FireAsync(Host, "ack-two-walls");
        var seen = new ConcurrentDictionary<string, JsonElement>();
        await using var first = await ConnectAsync(_ => { });
        await using var second = await ConnectAsync(alert => seen[alert.GetProperty("fingerprint").GetString()!] = alert);

        var view = await first.InvokeAsync<JsonElement>("Acknowledge", fingerprint, "đã báo kỹ thuật viên");
        Assert.Equal("acknowledged", view.GetProperty("state").GetString());

        var pushed = await AwaitAsync(() => seen.TryGetValue(fingerprint, out var a) && a.GetProperty("state").GetString() == "acknowledged" ? a : null,
            "the second wall to receive the acknowledgement");
        Assert.Equal(TestUsers.Operator.Name, pushed.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("Nguyễn Văn An", pushed.GetProperty("acknowledgedByName").GetString());
        Assert.Equal("đã báo kỹ thuật viên", pushed.GetProperty("note").GetString());

        using var client = await Host.CreateClientAsync(TestUsers.Operator);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?state=acknowledged&department=so-noi-vu");
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("fingerprint").GetString() == fingerprint);
    }

    [Fact]
    public async Task The_api_acknowledges_gives_back_and_refuses_what_is_not_firing()
    {
        var fingerprint = await TestAlerts.FireAsync(Host, "ack-api");
        using var client = await Host.CreateClientAsync(TestUsers.Operator);

        using var tooLong = await client.PostAsJsonAsync($"/api/v1/alerts/{fingerprint}/ack", new { note = new string('x', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 2000", await tooLong.Content.ReadAsStringAsync());

        using var ack = await client.PostAsJsonAsync($"/api/v1/alerts/{fingerprint}/ack", new { note = "checking" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());
        Assert.Equal(TestUsers.Operator.Name, acknowledged.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(TestUsers.Operator.DisplayName, acknowledged.GetProperty("acknowledgedByName").GetString());

        using var unack = await client.PostAsJsonAsync($"/api/v1/alerts/{fingerprint}/unack", new { note = "not mine" });
        var givenBack = await unack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("firing", givenBack.GetProperty("state").GetString());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (givenBack.GetProperty("acknowledgedBy").ValueKind, givenBack.GetProperty("acknowledgedByName").ValueKind));

        using var unknown = await client.PostAsJsonAsync("/api/v1/alerts/0000000000000000/ack", new { note = "x" });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Contains("not firing", await unknown.Content.ReadAsStringAsync());

        using var badState = await client.GetAsync("/api/v1/alerts?state=burning");
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
    }

    private async Task<HubConnection> ConnectAsync(Action<JsonElement> onAlert)
    {
        var connection = await Host.WallConnectionAsync(TestUsers.Operator);
        connection.On<JsonElement[]>("alertsUpdated", batch =>
        {
            foreach (var alert in batch)
            {
                onAlert(alert);
            }
        });
        await connection.StartAsync();
        return connection;
    }

    private static async Task<JsonElement> AwaitAsync(Func<JsonElement?> probe, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"Timed out after 10 s waiting for {expected}");
    }
}
