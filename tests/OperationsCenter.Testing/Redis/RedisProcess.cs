using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OperationsCenter.Testing.Redis;

/// <summary>
/// A real <c>redis-server</c> (Debian's here) on a free loopback port with its own temporary directory, for tests of
/// what survives a restart. Every write is in the append-only file and fsync'd before Redis answers, so killing it
/// loses nothing it acknowledged.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private static readonly byte[] Ping = "PING\r\n"u8.ToArray();

    private readonly string _root;
    private Process? _process;

    private RedisProcess(string root, int port)
    {
        _root = root;
        Port = port;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>What the server's <c>OperationsCenter:Alerts:Redis</c> takes, e.g. <c>127.0.0.1:41234</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The id of the running redis-server.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("redis-server is not running.");

    /// <summary>The directory holding the append-only file and the log.</summary>
    public string DataRoot => _root;

    private string LogFile => Path.Combine(_root, "redis.log");

    /// <summary>
    /// Starts redis-server and waits until it answers PING. A port taken in the meantime by someone else is retried on
    /// fresh ports.
    /// </summary>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running process.</returns>
    public static async Task<RedisProcess> StartAsync(CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var root = Path.Combine(Path.GetTempPath(), "oc-redis-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(root);
            var redis = new RedisProcess(root, FreePort.Next());
            try
            {
                await redis.LaunchAsync(ct);
                return redis;
            }
            catch (InvalidOperationException) when (attempt < 3 && redis.LogTail().Contains("Address already in use", StringComparison.Ordinal))
            {
                await redis.DisposeAsync();
            }
            catch
            {
                await redis.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Kills redis-server (SIGKILL, as a crash would) and waits for it to exit; the data stays.</summary>
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

    /// <summary>Freezes redis-server with SIGSTOP: connections stay open and nothing answers, as in a stall.</summary>
    public void Freeze() => ChildProcesses.Signal(ProcessId, ChildProcesses.Stop);

    /// <summary>Lets a frozen redis-server go on (SIGCONT); it answers what queued meanwhile.</summary>
    public void Thaw() => ChildProcesses.Signal(ProcessId, ChildProcesses.Continue);

    /// <summary>Starts redis-server again on the same port with the same directory; it reloads the append-only file.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("redis-server is already running.");
        }

        await LaunchAsync(CancellationToken.None);
    }

    /// <summary>Stops redis-server and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("REDIS_SERVER") ?? "redis-server")
        {
            // No config file: only what is given here. No RDB snapshots; the append-only file, fsync'd on every write.
            ArgumentList =
            {
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--dir", _root,
                "--appendonly", "yes",
                "--appendfsync", "always",
                "--save", string.Empty,
                "--daemonize", "no",
                "--logfile", LogFile,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        var process = new Process { StartInfo = start };
        process.Start();
        ChildProcesses.Track(process);

        // Redis writes to its log file; drain the pipes so nothing it prints before opening the file can block it.
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        await WaitForPongAsync(process, ct);
    }

    private async Task WaitForPongAsync(Process process, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await process.WaitForExitAsync(ct);
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} before answering PING on {ConnectionString}.\n{LogTail()}");
            }

            if (await AnswersPingAsync(ct))
            {
                return;
            }

            await Task.Delay(50, ct);
        }

        throw new InvalidOperationException($"redis-server did not answer PING on {ConnectionString} within {StartDeadline.TotalSeconds:0} s.\n{LogTail()}");
    }

    /// <summary>One PING over a raw socket: <c>+PONG</c> only once Redis has loaded its data (before, it says <c>-LOADING</c>).</summary>
    private async Task<bool> AnswersPingAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), timeout.Token);
            await socket.SendAsync(Ping, SocketFlags.None, timeout.Token);
            var buffer = new byte[64];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token);
                if (n == 0)
                {
                    break;
                }

                read += n;
                if (buffer.AsSpan(0, read).IndexOf("\r\n"u8) >= 0)
                {
                    break;
                }
            }

            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG\r\n", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The last lines of Redis's log, for failure messages.</summary>
    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return lines.Length == 0
                ? "(redis-server wrote nothing)"
                : "redis-server log (last lines):\n" + string.Join('\n', lines.TakeLast(40));
        }
        catch (IOException)
        {
            return "(no redis-server log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(redis-server log unreadable)";
        }
    }
}
