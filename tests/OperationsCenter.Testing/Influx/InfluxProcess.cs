using System.Diagnostics;
using System.Net;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Testing.Influx;

/// <summary>
/// A real <c>influxd</c> (Debian's 1.6.7 here) on free loopback ports with its own temporary directories, for tests
/// that need InfluxDB's own answers. Started without a config file; everything is set through environment variables.
/// </summary>
public sealed class InfluxProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    private readonly string _root;
    private readonly int _bindPort;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly OutputTail _stderr = new();
    private Process? _process;

    private InfluxProcess(string root, int httpPort, int bindPort)
    {
        _root = root;
        _bindPort = bindPort;
        Url = new Uri($"http://127.0.0.1:{httpPort}/");
    }

    /// <summary>The HTTP address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The id of the running influxd.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("influxd is not running.");

    /// <summary>CPU time influxd has used so far (user and system), as <c>CenterProcess.CpuTime</c> gives the center's.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            var process = _process ?? throw new InvalidOperationException("influxd is not running.");
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The directory holding meta, data and wal.</summary>
    public string DataRoot => _root;

    /// <summary>
    /// Starts influxd and waits until <c>/ping</c> answers 204. A port taken in the meantime by someone else is
    /// retried on fresh ports.
    /// </summary>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running process.</returns>
    public static async Task<InfluxProcess> StartAsync(CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var root = Path.Combine(Path.GetTempPath(), "oc-influxd-" + Guid.NewGuid().ToString("N")[..12]);
            var httpPort = FreePort.Next();
            var bindPort = FreePort.Next();
            while (bindPort == httpPort)
            {
                bindPort = FreePort.Next();
            }

            var influx = new InfluxProcess(root, httpPort, bindPort);
            try
            {
                await influx.LaunchAsync(ct);
                return influx;
            }
            catch (InfluxStartException) when (attempt < 3 && influx._stderr.Text.Contains("address already in use", StringComparison.Ordinal))
            {
                await influx.DisposeAsync();
            }
            catch
            {
                await influx.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Kills influxd (SIGKILL, as a crash would) and waits for it to exit; the data stays.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        await ChildProcesses.KillAsync(process);
    }

    /// <summary>Starts influxd again on the same port with the same directories.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("influxd is already running.");
        }

        await LaunchAsync(CancellationToken.None);
    }

    /// <summary>Options pointing at this influxd and a database.</summary>
    /// <param name="database">The database.</param>
    /// <returns>Fresh options; change them freely.</returns>
    public InfluxOptions Options(string database) => new() { Url = Url, Database = database, Bucket = database };

    /// <summary>An InfluxQL client on a database.</summary>
    /// <param name="database">The database.</param>
    /// <returns>The client; it shares this fixture's HttpClient.</returns>
    public InfluxQueryClient Query(string database) => new(_http, Options(database));

    /// <summary><c>CREATE DATABASE</c> (a no-op when it exists).</summary>
    /// <param name="database">The database.</param>
    public async Task CreateDatabaseAsync(string database) =>
        await Query(database).QueryAsync("CREATE DATABASE " + InfluxQl.Identifier(database), CancellationToken.None);

    /// <summary>
    /// <c>SELECT count(field) FROM measurement</c>; 0 when there is nothing. For <c>*</c> the largest per-field
    /// count, which is the number of points when some field is on every point.
    /// </summary>
    /// <param name="database">The database.</param>
    /// <param name="measurement">The measurement, unquoted.</param>
    /// <param name="field">A field key, unquoted, or <c>*</c>.</param>
    /// <returns>The count.</returns>
    public async Task<long> CountAsync(string database, string measurement, string field = "*")
    {
        var argument = field == "*" ? "*" : InfluxQl.Identifier(field);
        var series = await Query(database).QueryAsync($"SELECT count({argument}) FROM {InfluxQl.Identifier(measurement)}", CancellationToken.None);
        long count = 0;
        foreach (var row in series.SelectMany(s => s.Values))
        {
            foreach (var cell in row.Skip(1))
            {
                if (cell.TryGetInt64(out var value))
                {
                    count = Math.Max(count, value);
                }
            }
        }

        return count;
    }

    /// <summary>Stops influxd and deletes its directories.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never started far enough to create it.
        }
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("INFLUXD") ?? "influxd")
        {
            ArgumentList = { "-config", "/dev/null" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            Environment =
            {
                ["INFLUXDB_HTTP_BIND_ADDRESS"] = $"127.0.0.1:{Url.Port}",
                ["INFLUXDB_BIND_ADDRESS"] = $"127.0.0.1:{_bindPort}",
                ["INFLUXDB_META_DIR"] = Path.Combine(_root, "meta"),
                ["INFLUXDB_DATA_DIR"] = Path.Combine(_root, "data"),
                ["INFLUXDB_DATA_WAL_DIR"] = Path.Combine(_root, "wal"),
                ["INFLUXDB_REPORTING_DISABLED"] = "true",
                ["INFLUXDB_HTTP_LOG_ENABLED"] = "false",
                ["INFLUXDB_LOGGING_LEVEL"] = "warn",
                ["INFLUXDB_DATA_QUERY_LOG_ENABLED"] = "false",

                // InfluxDB 1.x refuses points past 1,000,000 series or 100,000 values of one tag by default; a
                // province-sized run (the million-series benchmark) needs neither limit.
                ["INFLUXDB_DATA_MAX_SERIES_PER_DATABASE"] = "0",
                ["INFLUXDB_DATA_MAX_VALUES_PER_TAG"] = "0",
            },
        };

        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => _stderr.Add(e.Data);
        process.OutputDataReceived += (_, e) => _stderr.Add(e.Data);
        process.Start();
        ChildProcesses.Track(process);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        await WaitForPingAsync(process, ct);
    }

    private async Task WaitForPingAsync(Process process, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        var ping = new Uri(Url, "ping");
        while (deadline.Elapsed < StartDeadline)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await process.WaitForExitAsync(ct);
                throw new InfluxStartException($"influxd exited with code {process.ExitCode} before answering /ping on {Url}.\n{_stderr.Text}");
            }

            try
            {
                using var response = await _http.GetAsync(ping, ct);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, ct);
        }

        throw new InfluxStartException($"influxd did not answer /ping on {Url} within {StartDeadline.TotalSeconds:0} s.\n{_stderr.Text}");
    }
}
