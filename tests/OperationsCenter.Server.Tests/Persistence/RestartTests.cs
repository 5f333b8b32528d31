using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Server.Tests.Persistence;

public sealed class RestartTests
{
    [Fact]
    public async Task After_a_restart_the_wall_shows_the_last_values_from_influxdb_before_any_new_point()
    {
        await using var influx = await InfluxProcess.StartAsync();
        await using var host = await CenterHost.StartAsync(InfluxCenter.Settings(influx));
        await host.WriteLinesAsync("so-noi-vu", "restore,desk=main received=41i,overdue=3i\nrestore,desk=main received=42i,overdue=2i");
        // Both lines carry the same receive time, so InfluxDB keeps one point: the last line's values.
        await InfluxCenter.AwaitCountAsync(influx, "restore", 1, field: "received");

        // The center's own alert history is tagged with a department too; it must not show as that department's series.
        var labels = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("department", "so-noi-vu");
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<OperationsCenter.Grains.Alerts.IAlertGrain>("restart-history")
            .Signal(TestAlerts.Signal("r", labels, OperationsCenter.Grains.Alerts.AlertCondition.Breached, 1, DateTimeOffset.UtcNow));
        await InfluxCenter.AwaitCountAsync(influx, "alert_history", 1, field: "actor");

        await host.RestartAsync();

        var series = await LiveState.AwaitSeriesAsync(host, "restore",
            s => LiveState.Field(s, "received") == 42 && LiveState.Field(s, "overdue") == 2, "received=42, overdue=2 restored");
        Assert.Equal("restore,department=so-noi-vu,desk=main", series[0].GetProperty("key").GetString());

        using var client = await host.CreateClientAsync(TestUsers.Operator);
        var overview = await client.GetFromJsonAsync<JsonElement>("/api/v1/overview");
        var department = overview.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "so-noi-vu");
        Assert.NotEqual(JsonValueKind.Null, department.GetProperty("lastSeen").ValueKind);
        Assert.Equal(1, department.GetProperty("seriesCount").GetInt32());
    }
}
