using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Metrics;

/// <summary>
/// A real <c>prometheus</c> (Debian's, installed by <c>scripts/prerequisites.sh --tests</c>) with its own temporary
/// configuration and storage on a free loopback port, scraping one target every second with a bearer key.
/// </summary>
internal sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly string _root;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _client;
    private Process? _process;

    private PrometheusProcess(string root, int port)
    {
        _root = root;
        Port = port;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Prometheus' own port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (<c>host:port</c>) at <c>/metrics</c> with the key, and waits until it is ready.</summary>
    public static async Task<PrometheusProcess> StartAsync(string target, string bearerKey)
    {
        var root = Path.Combine(Path.GetTempPath(), "oc-prometheus-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var prometheus = new PrometheusProcess(root, FreePort.Next());
        try
        {
            await prometheus.LaunchAsync(target, bearerKey);
            return prometheus;
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The value of an instant PromQL query that yields one sample (e.g. <c>sum(...)</c>); null while it yields none
    /// (nothing scraped yet).
    /// </summary>
    public async Task<double?> QueryScalarAsync(string promql)
    {
        using var response = await _client.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(promql));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Prometheus answered {(int)response.StatusCode} to {promql}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? null
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>The health of the scrape target as Prometheus saw it last (<c>up</c>, <c>down</c>, <c>unknown</c>) and its last error.</summary>
    public async Task<string> TargetsAsync()
    {
        using var response = await _client.GetAsync("api/v1/targets");
        return await response.Content.ReadAsStringAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await ChildProcesses.KillAsync(process);
        }

        _client.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Prometheus' output so far, for a failure's message.</summary>
    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private async Task LaunchAsync(string target, string bearerKey)
    {
        var config = Path.Combine(_root, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: operations-center
                scrape_interval: 1s
                metrics_path: /metrics
                authorization:
                  type: Bearer
                  credentials: '{bearerKey}'
                static_configs:
                  - targets: ['{target}']
            """);
        var data = Path.Combine(_root, "data");
        var start = new ProcessStartInfo("prometheus")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        start.ArgumentList.Add($"--config.file={config}");
        start.ArgumentList.Add($"--storage.tsdb.path={data}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{Port}");
        start.ArgumentList.Add("--log.level=warn");
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("could not start prometheus");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("prometheus is not installed: run scripts/prerequisites.sh --tests (Debian package prometheus)", ex);
        }

        ChildProcesses.Track(_process);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Await.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with {_process.ExitCode}: {Log()}");
            }

            try
            {
                using var ready = await _client.GetAsync("-/ready");
                return ready.StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }, status => status == HttpStatusCode.OK, "prometheus to be ready", TimeSpan.FromSeconds(30));
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 64 * 1024)
            {
                _log.AppendLine(line);
            }
        }
    }
}
