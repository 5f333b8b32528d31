using System.Diagnostics;
using System.Net;

namespace OperationsCenter.Testing;

/// <summary>
/// The real server as its own process (the built OperationsCenter.Server.dll), so a test can SIGKILL it and start it
/// again on the same port and data folder, as a crash and a restart would.
/// </summary>
public sealed class CenterProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly OutputLog _output = new();
    private Process? _process;

    private CenterProcess(int port, Dictionary<string, string?> settings)
    {
        Port = port;
        _settings = settings;
    }

    /// <summary>The HTTP port.</summary>
    public int Port { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The server's data folder (spool, dead letters).</summary>
    public string DataDirectory => _settings["OperationsCenter:DataDirectory"]!;

    /// <summary>The running server's process id.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not running");

    /// <summary>CPU time the server process has used.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process!.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts a server; <paramref name="settings"/> override the test defaults.</summary>
    public static async Task<CenterProcess> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var merged = CenterHost.DefaultSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        // A free port can be taken by another test process between choosing it and binding it: choose again.
        for (var attempt = 1; ; attempt++)
        {
            var center = new CenterProcess(FreePort.Next(), merged);
            try
            {
                await center.StartAgainAsync();
                return center;
            }
            catch (InvalidOperationException ex) when (attempt < 5 && CenterHost.AddressInUse(ex))
            {
                await center.KillAsync();
            }
        }
    }

    /// <summary>A client for this server.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client signed in as <paramref name="user"/> (cookie), for the API.</summary>
    public Task<HttpClient> CreateClientAsync(TestUser user) => SignIn.ClientAsync(BaseAddress, user);

    /// <summary>A connection to <c>/hubs/wall</c> signed in as <paramref name="user"/>, not started yet.</summary>
    public Task<Microsoft.AspNetCore.SignalR.Client.HubConnection> WallConnectionAsync(TestUser user) => SignIn.WallAsync(BaseAddress, user);

    /// <summary>Stops the server with SIGTERM, as a service manager would, and waits for it to exit.</summary>
    public async Task TerminateAsync()
    {
        if (_process is { HasExited: false } process)
        {
            ChildProcesses.Signal(process.Id, ChildProcesses.Terminate);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    /// <summary>Stops the server with <paramref name="signal"/> (<c>TERM</c> or <c>KILL</c>) and waits for it to be gone.</summary>
    public Task StopAsync(string signal) => signal switch
    {
        "TERM" => TerminateAsync(),
        "KILL" => KillAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "TERM or KILL"),
    };

    /// <summary>Kills the server with SIGKILL and waits for it to be gone: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the server (again) on the same port and data folder, and waits for <c>/ping</c>.</summary>
    public async Task StartAgainAsync()
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(directory, "OperationsCenter.Server.dll")}\"")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = $"http://127.0.0.1:{Port}";
        start.Environment["Orleans__Endpoints__SiloPort"] = FreePort.Next().ToString();
        start.Environment["Orleans__Endpoints__GatewayPort"] = FreePort.Next().ToString();
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server process");
        _output.Attach(_process);

        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode}: {_output.Tail()}");
            }

            try
            {
                using var response = await client.GetAsync("/ping");
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the server on port {Port} did not answer /ping within 60 s: {_output.Tail()}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    /// <summary>The last lines the server printed, for failure messages.</summary>
    private sealed class OutputLog
    {
        private readonly Queue<string> _lines = new();

        public void Attach(Process process)
        {
            process.OutputDataReceived += (_, e) => Add(e.Data);
            process.ErrorDataReceived += (_, e) => Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Tail()
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }

        private void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > 40)
                {
                    _lines.Dequeue();
                }
            }
        }
    }
}
