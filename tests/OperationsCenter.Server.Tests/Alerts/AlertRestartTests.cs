using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Redis;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>Alert state lives in Redis (a real redis-server per test), so it outlives the silo that wrote it.</summary>
public sealed class AlertRestartTests
{
    [Fact]
    public async Task An_acknowledgement_survives_a_restart_of_the_center()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var host = await CenterHost.StartAsync(RedisSettings(redis));
        var fingerprint = await TestAlerts.FireAsync(host, "restart-ack");
        await AcknowledgeAsync(host, fingerprint, TestUsers.Operator, "đã gọi trạm viễn thông");

        await host.RestartAsync();

        var view = await ViewAsync(host, fingerprint);
        Assert.NotNull(view);
        Assert.Equal(AlertState.Acknowledged, view.State);
        Assert.Equal(TestUsers.Operator.Name, view.AcknowledgedBy);
        Assert.Equal("đã gọi trạm viễn thông", view.Note);
        Assert.Equal("restart-ack", view.RuleName);
    }

    [Fact]
    public async Task An_acknowledgement_survives_redis_being_killed_while_the_center_restarts()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var host = await CenterHost.StartAsync(RedisSettings(redis));
        var fingerprint = await TestAlerts.FireAsync(host, "restart-ack-redis-killed");
        await AcknowledgeAsync(host, fingerprint, TestUsers.Leader, "checking the link");

        // SIGKILL: only what the append-only file already had on disk comes back.
        await redis.StopAsync();
        await redis.StartAgainAsync();
        await host.RestartAsync();

        var view = await ViewAsync(host, fingerprint);
        Assert.Equal(AlertState.Acknowledged, view?.State);
        Assert.Equal(TestUsers.Leader.Name, view?.AcknowledgedBy);
        Assert.Equal("checking the link", view?.Note);
    }

    [Fact]
    public async Task With_redis_down_at_start_the_center_runs_ingest_answers_and_alerts_store_once_redis_is_back()
    {
        await using var redis = await RedisProcess.StartAsync();
        await redis.StopAsync();

        await using var host = await CenterHost.StartAsync(RedisSettings(redis));

        using var client = host.CreateClient();
        using var write = await IngestClient.PostLinesAsync(client, "so-noi-vu", "redis_down,desk=one-stop received=3i");
        Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);
        await LiveState.AwaitSeriesAsync(host, "redis_down", s => LiveState.Field(s, "received") == 3, "received=3 on the wall's API");

        // The alert cannot load its state: the call fails at once rather than hanging.
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<Exception>(() => TestAlerts.FireAsync(host, "redis-down"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "a storage failure should surface quickly");

        await redis.StartAgainAsync();
        var fingerprint = await EventuallyAsync(() => TestAlerts.FireAsync(host, "redis-down"), "the alert to store once Redis answers again");
        await AcknowledgeAsync(host, fingerprint, TestUsers.Supervisor, null);
        await host.RestartAsync();
        Assert.Equal(AlertState.Acknowledged, (await ViewAsync(host, fingerprint))?.State);
    }

    private static Dictionary<string, string?> RedisSettings(RedisProcess redis) => new()
    {
        ["OperationsCenter:Alerts:Storage"] = "Redis",
        ["OperationsCenter:Alerts:Redis"] = redis.ConnectionString,
    };

    private static async Task AcknowledgeAsync(CenterHost host, string fingerprint, TestUser user, string? note)
    {
        using var client = await host.CreateClientAsync(user);
        using var ack = await client.PostAsJsonAsync($"/api/v1/alerts/{fingerprint}/ack", new { note });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("acknowledged", (await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
    }

    private static Task<AlertView?> ViewAsync(CenterHost host, string fingerprint) =>
        host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertGrain>(fingerprint).GetView();

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> attempt, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Timed out after 30 s waiting for {expected}: {ex.Message}");
            }
        }
    }
}
