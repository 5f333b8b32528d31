using System.CommandLine;
using OperationsCenter.Server.Hosting;
using OperationsCenter.Server.Persistence;
using OperationsCenter.Server.Telemetry;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Commands;

/// <summary>
/// <c>drain --data FOLDER</c>: ships the spool of a node that will not come back (its data folder, copied or mounted
/// here) to InfluxDB with the same drainer a running node uses, then exits. Every point that node acknowledged is then
/// stored; points also written again by a client's retry are stored once, as InfluxDB keeps one point per series and time.
/// </summary>
internal static class DrainCommand
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);

    /// <summary>The <c>drain</c> command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "the stopped node's data folder (its OperationsCenter:DataDirectory)", Required = true };
        var command = new Command("drain", """
            ship a stopped node's spool to InfluxDB (configured as for the server: appsettings.json, the settings file,
            OperationsCenter__Influx__Url=...), then exit; the node must not be running on that folder
            """)
        {
            data,
        };
        command.SetAction(result => AdminCommand.Guarded(error, () => Drain(result.GetValue(data)!, output)));
        return command;
    }

    private static int Drain(DirectoryInfo data, TextWriter output)
    {
        if (!Directory.Exists(Path.Combine(data.FullName, new SpoolOptions().Directory)))
        {
            throw new CommandException($"{data.FullName} holds no spool folder: give the data folder of the node (its OperationsCenter:DataDirectory).");
        }

        var builder = Host.CreateApplicationBuilder();
        builder.AddSettingsFile();
        builder.Configuration["OperationsCenter:DataDirectory"] = data.FullName;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPersistence();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<CenterMetrics>();
        builder.Services.AddSingleton<SpoolTraceLinks>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Ingest.FieldTypeRegistry>();
        using var host = builder.Build();
        var spool = host.Services.GetRequiredService<Spool>();
        output.WriteLine($"Draining {spool.Backlog().Points} points from {data.FullName} to {builder.Configuration["OperationsCenter:Influx:Url"]}.");
        host.Start();
        while (spool.Backlog() is { Points: > 0 } backlog)
        {
            Thread.Sleep(ReportEvery);
            var influx = host.Services.GetRequiredService<DrainStatus>().Snapshot();
            output.WriteLine($"  {backlog.Points} points to go{(!influx.Reachable && influx.LastError is { } last ? $" (InfluxDB: {last})" : "")}");
        }

        host.StopAsync().GetAwaiter().GetResult();
        output.WriteLine("Done: every point of that spool is in InfluxDB.");
        return 0;
    }
}
