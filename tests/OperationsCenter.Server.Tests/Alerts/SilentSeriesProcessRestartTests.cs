using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Alerts;

/// <summary>
/// A series watched by a series-scoped deadman goes silent and the server process is stopped (SIGTERM or SIGKILL)
/// and started again on the same data and Redis: its partition comes back by the stored reminder that names the series,
/// and the deadman fires with no new point.
/// </summary>
public sealed class SilentSeriesProcessRestartTests
{
    private const string Rules = """
        rules:
          - name: meter-silent-process
            kind: deadman
            match: { measurement: t_meter_process, tags: { meter: "m1" } }
            silence: 20s
            scope: series
            severity: warning
            owner: so-noi-vu
            title: { vi: "Công tơ im lặng", en: "Meter silent" }
            description: { vi: "Không có số liệu", en: "No readings" }
        """;

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task A_series_silent_across_a_process_restart_fires_its_deadman_without_any_new_point(string signal)
    {
        await using var center = await AlertCenter.StartAsync(Rules, new Dictionary<string, string?>
        {
            ["OperationsCenter:Alerts:Reminders:Period"] = "00:00:02",
        });
        await center.WriteAsync("xa-ban-bo", "t_meter_process,meter=m1 kwh=10");

        // Once live state has the point, its partition watches the series (and stores the reminder naming it).
        using (var client = await center.Center.CreateClientAsync(TestUsers.Operator))
        {
            await Await.UntilAsync(
                () => client.GetFromJsonAsync<JsonElement>("/api/v1/series?measurement=t_meter_process"), s => s.GetArrayLength() == 1,
                "the meter's reading in live state");
        }

        Assert.DoesNotContain(await center.AlertsAsync(), a => AlertCenter.Rule(a) == "meter-silent-process");
        await center.RestartAsync(signal);

        await center.AwaitAlertsAsync(
            list => list.Any(a => AlertCenter.Rule(a) == "meter-silent-process" && AlertCenter.State(a) == "firing"),
            "the silent meter's deadman firing after the restart", TimeSpan.FromSeconds(60));
    }
}
