using System.Diagnostics;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Server.Tests.Cluster;

/// <summary>
/// A node that never comes back: what it acknowledged while InfluxDB was down is only in its spool. The <c>drain</c>
/// command, run elsewhere on that data folder, ships it.
/// </summary>
public sealed class DeadNodeDrainTests
{
    [Fact]
    public async Task The_drain_command_stores_every_point_a_killed_node_acknowledged()
    {
        await using var influx = await InfluxProcess.StartAsync();
        var settings = InfluxCenter.Settings(influx);
        await using var node = await CenterProcess.StartAsync(settings);

        // InfluxDB down: the node answers 204 from its spool alone.
        await influx.StopAsync();
        using (var client = node.CreateClient())
        {
            for (var body = 0; body < 5; body++)
            {
                var lines = string.Join('\n', Enumerable.Range(body * 100, 100).Select(i => $"t_dead_node,desk=main value={i} {1_700_000_000_000_000_000L + i * 1_000_000L}"));
                await IngestClient.WriteLinesAsync(client, "xa-ban-bo", lines);
            }
        }

        await node.KillAsync();
        var data = Path.Combine(Path.GetTempPath(), "oc-dead-node-" + Guid.NewGuid().ToString("N")[..12]);
        CopyFolder(node.DataDirectory, data);
        try
        {
            await influx.StartAgainAsync();
            var (exit, output) = await RunDrainAsync(data, settings);
            Assert.True(exit == 0, $"drain exited with {exit}: {output}");
            Assert.Contains("500 points", output, StringComparison.Ordinal);
            Assert.Equal(500, await influx.CountAsync(InfluxCenter.Database, "t_dead_node", "value"));

            // A second run finds nothing left to ship.
            var (again, secondOutput) = await RunDrainAsync(data, settings);
            Assert.True(again == 0, secondOutput);
            Assert.Contains("Draining 0 points", secondOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunDrainAsync(string data, Dictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OperationsCenter.Server.dll"));
        start.ArgumentList.Add("drain");
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(data);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
