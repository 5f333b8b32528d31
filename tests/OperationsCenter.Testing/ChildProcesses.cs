using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OperationsCenter.Testing;

/// <summary>
/// Servers the tests start (influxd, redis-server) are not tied to the test host: this keeps track of them, kills
/// whatever a test forgot to dispose when the host exits normally, and stops one the way a crash would.
/// </summary>
public static class ChildProcesses
{
    private static readonly ConcurrentDictionary<Process, byte> Running = new();

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Keys)
            {
                try
                {
                    process.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        };
    }

    /// <summary>Remembers a started process.</summary>
    public static void Track(Process process) => Running.TryAdd(process, 0);

    /// <summary>Kills the process with SIGKILL (no shutdown code runs), waits for it to exit and forgets it.</summary>
    public static async Task KillAsync(Process process)
    {
        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: false);
            }

            await process.WaitForExitAsync();
            Running.TryRemove(process, out _);
        }
    }

    /// <summary>SIGTERM: the process shuts down as a service manager would stop it.</summary>
    public const int Terminate = 15;

    /// <summary>SIGSTOP: the process freezes (a stalled server: its sockets stay open, nothing answers).</summary>
    public const int Stop = 19;

    /// <summary>SIGCONT: a frozen process goes on.</summary>
    public const int Continue = 18;

    /// <summary>Sends a POSIX signal to a process.</summary>
    public static void Signal(int processId, int signal)
    {
        if (kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
