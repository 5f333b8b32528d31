using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using OperationsCenter.Testing;

namespace OperationsCenter.Browser.Tests;

/// <summary>
/// <c>scripts/run.sh</c> (or <c>scripts/cluster.sh</c>) as a newcomer runs it, on free loopback ports and a temporary
/// data folder, so it never meets a developer's own center; stopped with SIGINT, as Ctrl-C would.
/// </summary>
internal sealed class RunCommand : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _wall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunCommand(Process process, string data, int[] ports)
    {
        _process = process;
        Data = data;
        Ports = ports;
    }

    /// <summary>The temporary data folder (InfluxDB, Redis, spool).</summary>
    public string Data { get; }

    /// <summary>The ports of the center (nginx and the nodes for a cluster), InfluxDB and Redis.</summary>
    public int[] Ports { get; }

    /// <summary>Everything the command printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the run command from the checkout's root.</summary>
    public static RunCommand Start()
    {
        // InfluxDB's RPC port is its HTTP port + 2 (scripts/local-stores.sh): a block of three keeps both reserved.
        int[] ports = [FreePort.Next(), FreePort.Block(3), FreePort.Next()];
        return Launch("scripts/run.sh", ports, new Dictionary<string, string>
        {
            ["OPERATIONSCENTER_URL"] = $"http://127.0.0.1:{ports[0]}",
            ["OPERATIONSCENTER_INFLUX_PORT"] = ports[1].ToString(),
            ["OPERATIONSCENTER_REDIS_PORT"] = ports[2].ToString(),
            ["Orleans__Endpoints__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__Endpoints__GatewayPort"] = FreePort.Next().ToString(),
        });
    }

    /// <summary>
    /// Starts <c>scripts/cluster.sh <paramref name="nodes"/></c> with nginx, the nodes' HTTP, silo and gateway ports in
    /// blocks of free ports.
    /// </summary>
    public static RunCommand StartCluster(int nodes)
    {
        // cluster.sh numbers node K's ports base + K: whole blocks of free ports, one for HTTP (nginx at the base), one
        // for silos and one for gateways.
        var (front, silo, gateway) = (FreePort.Block(nodes + 1), FreePort.Block(nodes + 1), FreePort.Block(nodes + 1));
        int[] ports = [front, .. Enumerable.Range(1, nodes).Select(k => front + k), FreePort.Block(3), FreePort.Next()];
        return Launch($"scripts/cluster.sh {nodes}", ports, new Dictionary<string, string>
        {
            ["OPERATIONSCENTER_CLUSTER_PORT"] = front.ToString(),
            ["OPERATIONSCENTER_CLUSTER_SILO_PORT"] = silo.ToString(),
            ["OPERATIONSCENTER_CLUSTER_GATEWAY_PORT"] = gateway.ToString(),
            ["OPERATIONSCENTER_INFLUX_PORT"] = ports[^2].ToString(),
            ["OPERATIONSCENTER_REDIS_PORT"] = ports[^1].ToString(),
        });
    }

    private static RunCommand Launch(string command, int[] ports, Dictionary<string, string> environment)
    {
        var data = Path.Combine(Path.GetTempPath(), "oc-run-" + Guid.NewGuid().ToString("N"));
        // As from a terminal: a test run started in the background (say, `scripts/test.sh &`) passes SIGINT ignored to
        // its children, and bash cannot trap a signal it started with ignored, so Ctrl-C would not reach the command.
        var start = new ProcessStartInfo("env", $"--default-signal=INT bash {command}")
        {
            WorkingDirectory = Checkout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OPERATIONSCENTER_DATA"] = data;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var run = new RunCommand(Process.Start(start)!, data, ports);
        run._process.OutputDataReceived += (_, e) => run.Line(e.Data);
        run._process.ErrorDataReceived += (_, e) => run.Line(e.Data);
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        return run;
    }

    /// <summary>The wall's address, once the command has printed it.</summary>
    public async Task<Uri> WallAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(_wall.Task, exited, Task.Delay(timeout));
        return done == _wall.Task
            ? await _wall.Task
            : throw new Xunit.Sdk.XunitException(
                $"Expected scripts/run.sh to print the wall's address within {timeout.TotalSeconds:0} s; {(done == exited ? $"it exited with {_process.ExitCode}" : "it did not")}. Output:\n{Output}");
    }

    /// <summary>Sends SIGINT (Ctrl-C) and waits for the command to end.</summary>
    public async Task InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", $"-INT {_process.Id}"))
        {
            await kill!.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // What is still running and what it last said, so a slow stop can be told apart from a hung one.
            var running = Process.Start(new ProcessStartInfo("pgrep", "-af \"OperationsCenter|influxd|redis-server|nginx\"") { RedirectStandardOutput = true })!;
            var listing = await running.StandardOutput.ReadToEndAsync();
            throw new Xunit.Sdk.XunitException(
                $"Expected the command to stop within {timeout.TotalSeconds:0} s of Ctrl-C; still running:\n{listing}\nits output ends:\n{Tail(Output, 6000)}");
        }
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];

    /// <summary>True while something still listens on the port.</summary>
    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(Data))
        {
            Directory.Delete(Data, recursive: true);
        }
    }

    private void Line(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string marker = "Operations Center wall: ";
        if (line.IndexOf(marker, StringComparison.Ordinal) is var at and >= 0)
        {
            _wall.TrySetResult(new Uri(line[(at + marker.Length)..].Trim().Split(' ')[0]));
        }
    }
}
